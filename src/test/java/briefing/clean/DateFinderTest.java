package briefing.clean;

import briefing.lang.LanguageData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class DateFinderTest {
    private static final DateFinder FINDER = new DateFinder(LanguageData.builtIn());

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
            "23/09/2024=2024-09-23",
            "Ngày đăng 23/09/2024 | 12:43 PM=2024-09-23",
            "2024-09-23T10:00:00Z=2024-09-23",
            "22. September 2024=2024-09-22",
            "September 22, 2024=2024-09-22",
            "Sept. 22, 2024=2024-09-22",
            "22 tháng 9 năm 2024=2024-09-22",
            "Thứ hai, 22 tháng 9, 2024=2024-09-22",
            "22 de septiembre de 2024=2024-09-22",
            "22 września 2024=2024-09-22",
            "Việt NamViệt Nam23/09/2024=2024-09-23",
            "12/25/2024=2024-12-25",
    })
    void readsTheFormsNewsSitesPrint(String line, String iso) {
        DateFinder.Found f = FINDER.find(line);
        assertNotNull(f, line);
        assertEquals(iso, String.valueOf(f.date()), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ngày 22/9", "Am 26. März", "22 tháng 9"})
    void aDateWithoutAYearIsFoundButNotGuessed(String line) {
        DateFinder.Found f = FINDER.find(line);
        assertNotNull(f, line);
        assertNull(f.date(), line);
    }
}
