using ArtifactTools.Degradation;
using ArtifactTools.Imaging;
using ArtifactTools.Networks;

namespace ArtifactTools.Training;

/// <summary>What a colour mode changes in a training run: the network's image channels and the degradation's chroma
/// sampling. One place, so the trainer and the cmdlet agree.</summary>
public static class ColorTraining
{
    /// <summary>The network of the run, built for the colour mode: Y networks take 1 channel, colour ones 3 (Y, Cb, Cr).</summary>
    /// <exception cref="ArgumentException">A colour-only network (ChromaNet) asked to train on Y, or the reverse.</exception>
    public static RestorationNetwork CreateNetwork(TrainingOptions options)
    {
        int channels = options.ColorMode == ColorMode.YCbCr ? 3 : 1;
        var network = NetworkRegistry.Create(options.Architecture, channels);
        if (NetworkRegistry.ImageChannels(network) != channels)
        {
            network.Dispose();
            throw new ArgumentException($"{options.Architecture} restores {(channels == 1 ? "colour (Y, Cb, Cr)" : "luminance")}; train it with -ColorMode {(channels == 1 ? "YCbCr" : "Y")}.");
        }
        return network;
    }

    /// <summary>The colour mode a run gets when the user names none: YCbCr for the colour network, Y for the papers'.</summary>
    public static ColorMode DefaultFor(string architecture) =>
        NetworkRegistry.IsChromaName(architecture) ? ColorMode.YCbCr : ColorMode.Y;

    /// <summary>The run's degradation with the colour files' chroma sampling (JPEG; other codecs keep their own).</summary>
    public static IDegradation Degradation(TrainingOptions options) => options.Degradation switch
    {
        JpegDegradation jpeg => new JpegDegradation(jpeg.MinQuality, jpeg.MaxQuality) { Sampling = options.ChromaSampling },
        var other => other,
    };
}
