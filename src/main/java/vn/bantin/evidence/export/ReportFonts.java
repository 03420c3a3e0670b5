package vn.bantin.evidence.export;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds, where it is installed, a serif font with every Vietnamese letter, to embed in PDFs. Families in order
 * of preference (Liberation Serif has the metrics of the Times New Roman official documents use); a family is
 * taken only if its regular face has every letter of the Vietnamese alphabet with every tone mark. Debian's
 * fonts-dejavu-core always qualifies.
 */
public final class ReportFonts {

    /** The faces of one family; italic falls back to regular when the family has none installed. */
    public record Faces(String family, BaseFont regular, BaseFont bold, BaseFont italic) {
    }

    static final String VIETNAMESE = "ĂÂĐÊÔƠƯăâđêôơưÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
            + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    private static final List<String[]> FAMILIES = List.of(
            new String[] {"Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                "LiberationSerif-Italic.ttf"},
            new String[] {"Noto Serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf"},
            new String[] {"DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"},
            new String[] {"DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"});

    private static volatile Faces found;

    private ReportFonts() {
    }

    /** The first family that qualifies under the usual font folders; loaded once. */
    public static Faces faces() {
        Faces f = found;
        if (f == null) {
            f = find(searchRoots()).orElseThrow(() -> new IllegalStateException("No font with Vietnamese letters"
                    + " found under " + searchRoots() + "; install Debian's fonts-dejavu-core"));
            found = f;
        }
        return f;
    }

    static Optional<Faces> find(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (String[] family : FAMILIES) {
            Optional<Path> regular = file(files, family[1]);
            Optional<Path> bold = file(files, family[2]);
            if (regular.isPresent() && bold.isPresent()) {
                BaseFont r = load(regular.get());
                if (coversVietnamese(r)) {
                    BaseFont italic = file(files, family[3]).map(ReportFonts::load).orElse(r);
                    return Optional.of(new Faces(family[0], r, load(bold.get()), italic));
                }
            }
        }
        return Optional.empty();
    }

    static boolean coversVietnamese(BaseFont font) {
        return VIETNAMESE.chars().allMatch(font::charExists);
    }

    private static List<Path> searchRoots() {
        String home = System.getProperty("user.home");
        return List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
                Path.of(home, ".local/share/fonts"), Path.of(home, ".fonts"));
    }

    private static Optional<Path> file(List<Path> files, String name) {
        return files.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst();
    }

    private static BaseFont load(Path file) {
        try {
            return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
