package dev.highlighter.console;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** What a chart PNG holds: enough to tell a drawn chart from a blank or an axes-only image. */
public final class Pngs {

    private Pngs() {
    }

    public static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new AssertionError("not a PNG: " + png.length + " bytes");
        }
        return image;
    }

    /** Pixels within a small distance of the colour: bars and lines drawn in it. */
    public static long pixels(BufferedImage image, Color color) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - color.getRed()) + Math.abs(c.getGreen() - color.getGreen())
                        + Math.abs(c.getBlue() - color.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
