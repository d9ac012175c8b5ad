package dev.highlighter.app.cli;

import dev.highlighter.core.Segment;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@code export} writes, for {@code evaluate}, with errors that name the file and the line. */
final class PredictionsCsv {

    private PredictionsCsv() {
    }

    static List<Segment> read(Path file) throws IOException {
        List<Segment> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("vod_id,start_s,end_s")) {
                throw new IllegalArgumentException(file + ":1: expected the header vod_id,start_s,end_s,...");
            }
            boolean scored = header.startsWith("vod_id,start_s,end_s,score");
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                try {
                    // the score (4th column) ranks segments for --top-k; files without one are unranked
                    double score = scored && f.length > 3 ? Double.parseDouble(f[3]) : Double.NaN;
                    out.add(new Segment(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), score));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ":" + number + ": expected vod_id,start_s,end_s" + (scored ? ",score" : "")
                            + ",... (numbers) but got '" + line + "'");
                }
            }
        }
        return out;
    }
}
