package clinic.relief.insurance.cms1500;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of box positions holds together: every box on the form, no two boxes sharing a column of a line. */
class FormBoxTests {

    @Test
    void everyBoxLiesWithinTheFormsPrintArea() {
        for (FormBox box : FormBox.values()) {
            assertThat(box.line(0)).as(box.name()).isBetween(1, 61);
            assertThat(box.column()).as(box.name()).isGreaterThanOrEqualTo(1);
            assertThat(box.column() + box.width() - 1)
                    .as("%s ends before the form's right edge (column 78)", box)
                    .isLessThanOrEqualTo(78);
        }
        assertThat(FormBox.RENDERING_NPI.line(FormBox.SERVICE_LINES - 1)).isEqualTo(54);
    }

    @Test
    void noTwoBoxesOfALineShareAColumnOrTouch() {
        List<FormBox> boxes = Arrays.asList(FormBox.values());
        for (FormBox a : boxes) {
            for (FormBox b : boxes) {
                if (a != b && a.line(0) == b.line(0)) {
                    boolean apart = a.column() + a.width() < b.column() || b.column() + b.width() < a.column();
                    assertThat(apart).as("%s and %s", a, b).isTrue();
                }
            }
        }
    }
}
