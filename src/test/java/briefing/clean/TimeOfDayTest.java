package briefing.clean;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

/** The time of day a date line states, which pairs translations published together. */
class TimeOfDayTest {
    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
            "Thứ Bảy, 18/01/2025 - 00:42=00:42",
            "Saturday, January 18, 2025 00:42 (GMT+7)=00:42",
            "Ngày đăng 23/09/2024 | 12:43 PM=12:43",
            "September 22, 2024, 1:05 p.m.=13:05",
            "22/9/2024 12:10 AM=00:10",
            "Cập nhật lúc 7h30 ngày 22/9/2024=07:30",
            "2024-09-23T10:00:00+07:00=10:00",
            "23/09/2024=null",
            "23/09/2024 25:70=null",
    })
    void readsTheClockBesideADate(String line, String time) {
        assertEquals(time, String.valueOf(TextCleaner.timeOfDay(line)), line);
    }
}
