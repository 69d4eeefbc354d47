using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ArtifactTools.Networks;

/// <summary>
/// A compact residual U-Net (this project's, after DRUNet/FBCNN's backbone, without their width): a 3x3 head to 32
/// channels; two residual blocks (3x3-ReLU-3x3, plus the block's input) per level at 32, 64 and 128 channels, the
/// levels at full, 1/2 and 1/4 size joined by 2x2 stride-2 convolutions down and 2x2 stride-2 deconvolutions up; the
/// decoder adds the encoder's features of its level (additive skips) and runs two more residual blocks; a 3x3 tail
/// predicts the residual added to the input. 1.04 M weights (4.7x L8's) for 0.88x L8's multiply-adds per pixel (193 K:
/// most of the width runs at 1/2 and 1/4 size), and a 97x97-pixel receptive field (L8: 25x25), a dozen JPEG blocks
/// across.
/// </summary>
/// <remarks>Quality-blind: one model for a range of qualities is trained with a degradation such as jpeg:5-95.
/// Inputs are replicate-padded to a multiple of 4 and the output cropped, so any size works.</remarks>
public sealed class ResUNet : RestorationNetwork
{
    public const string Name = "ResUNet";
    const int Multiple = 4;
    static readonly int[] Widths = [32, 64, 128];

    readonly Conv2d head, tail, down1, down2;
    readonly ConvTranspose2d up2, up1;
    readonly ModuleList<ResidualBlock> enc1, enc2, middle, dec2, dec1;
    readonly IReadOnlyList<NetworkLayer> _layers;

    public ResUNet(int channels = 1) : base(nameof(ResUNet))
    {
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has at least one channel.");
        Channels = channels;
        head = nn.Conv2d(channels, Widths[0], 3, padding: 1);
        enc1 = Blocks(Widths[0]);
        down1 = nn.Conv2d(Widths[0], Widths[1], 2, stride: 2);
        enc2 = Blocks(Widths[1]);
        down2 = nn.Conv2d(Widths[1], Widths[2], 2, stride: 2);
        middle = Blocks(Widths[2]);
        up2 = nn.ConvTranspose2d(Widths[2], Widths[1], 2, stride: 2);
        dec2 = Blocks(Widths[1]);
        up1 = nn.ConvTranspose2d(Widths[1], Widths[0], 2, stride: 2);
        dec1 = Blocks(Widths[0]);
        tail = nn.Conv2d(Widths[0], channels, 3, padding: 1);
        RegisterComponents();

        var layers = new List<NetworkLayer> { new("head", head, false) };
        void AddBlocks(string level, ModuleList<ResidualBlock> blocks)
        {
            for (int b = 0; b < blocks.Count; b++)
            {
                layers.Add(new($"{level}.{b}.conv1", blocks[b].First, false));
                layers.Add(new($"{level}.{b}.conv2", blocks[b].Second, false));
            }
        }
        AddBlocks("enc1", enc1); layers.Add(new("down1", down1, false));
        AddBlocks("enc2", enc2); layers.Add(new("down2", down2, false));
        AddBlocks("middle", middle);
        layers.Add(new("up2", up2, true)); AddBlocks("dec2", dec2);
        layers.Add(new("up1", up1, true)); AddBlocks("dec1", dec1);
        layers.Add(new("tail", tail, false));
        _layers = layers;
    }

    public int Channels { get; }
    public override string Spec => Name;
    public override IReadOnlyList<NetworkLayer> Layers => _layers;
    public override bool IsResidual => true;
    public override int Downsampling => Multiple;
    // The widest map per input pixel is full size's 32 channels (64 at 1/4 of the pixels, 128 at 1/16).
    public override int FeatureChannels => Widths[0];

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != Channels)
            throw new ArgumentException($"Expected N x {Channels} x H x W, got [{string.Join(", ", input.shape)}].", nameof(input));
        long height = input.shape[2], width = input.shape[3];
        long padBottom = (Multiple - height % Multiple) % Multiple, padRight = (Multiple - width % Multiple) % Multiple;
        using var scope = NewDisposeScope();
        var x = padBottom + padRight > 0 ? F.pad(input, [0, padRight, 0, padBottom], PaddingModes.Replicate) : input;

        var level1 = Run(enc1, head.call(x));
        var level2 = Run(enc2, down1.call(level1));
        var bottom = Run(middle, down2.call(level2));
        var decoded2 = Run(dec2, up2.call(bottom) + level2);
        var decoded1 = Run(dec1, up1.call(decoded2) + level1);
        var residual = tail.call(decoded1);
        if (padBottom + padRight > 0) residual = residual[.., .., ..(int)height, ..(int)width];
        return (input + residual).MoveToOuterDisposeScope();
    }

    static Tensor Run(ModuleList<ResidualBlock> blocks, Tensor x)
    {
        foreach (var block in blocks) x = block.call(x);
        return x;
    }

    static ModuleList<ResidualBlock> Blocks(int width) => nn.ModuleList(new ResidualBlock(width), new ResidualBlock(width));

    /// <summary>x + conv(relu(conv(x))), then ReLU-free: the sum carries features and the residual both ways.</summary>
    sealed class ResidualBlock : nn.Module<Tensor, Tensor>
    {
        public Conv2d First { get; }
        public Conv2d Second { get; }

        public ResidualBlock(int width) : base(nameof(ResidualBlock))
        {
            First = nn.Conv2d(width, width, 3, padding: 1);
            Second = nn.Conv2d(width, width, 3, padding: 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => x + Second.call(F.relu(First.call(x)));
    }
}
