using ArtifactTools.Imaging;
using ArtifactTools.Models;

namespace ArtifactTools.Restoration;

/// <summary>
/// Which colour model (if any) restores an input's chroma. Unset mode (the default): colour JPEGs get the shipped colour
/// model for their quality and chroma sampling (read from the file), when one fits; everything else keeps its decoded
/// chroma. <see cref="ColorMode.Y"/>: luminance only, today's behaviour. <see cref="ColorMode.YCbCr"/>: colour wherever
/// the input is colour, non-JPEG files assumed 4:2:0 (libjpeg's default), and an error when no colour model fits.
/// Gray stays gray in every mode.
/// </summary>
public static class ColorModelChoice
{
    /// <summary>The colour model's file, or null with the reason the chroma is kept.</summary>
    /// <param name="explicitColorModel">A colour model the user named with -Model (wins over the catalog).</param>
    /// <exception cref="InvalidOperationException">YCbCr was asked for and no colour model fits.</exception>
    public static (string? Path, string Reason) Choose(ColorMode? mode, ColorModel input, int? jpegQuality,
        ChromaSampling? sampling, ModelCatalog catalog, string? explicitColorModel)
    {
        if (input == ColorModel.Gray) return (null, "the image is gray");
        if (mode == ColorMode.Y) return (null, "-ColorMode Y restores luminance only");
        if (explicitColorModel is not null) return (explicitColorModel, "named with -Model");
        if (mode is null && sampling is null) return (null, "not a colour JPEG (use -ColorMode YCbCr to restore its chroma too)");

        var assumed = sampling ?? ChromaSampling.Yuv420;
        var model = catalog.SelectColorFor(jpegQuality, assumed.ToString());
        if (model is not null) return (model.Path, $"colour model for {assumed} at quality {jpegQuality?.ToString() ?? "unknown"}");
        var why = $"no shipped colour model fits {assumed} chroma at quality {jpegQuality?.ToString() ?? "unknown"}";
        if (mode == ColorMode.YCbCr)
            throw new InvalidOperationException($"-ColorMode YCbCr: {why}. Train one with Start-ArtifactTraining -ColorMode YCbCr -ChromaSampling {assumed}, or use -ColorMode Y.");
        return (null, why);
    }
}
