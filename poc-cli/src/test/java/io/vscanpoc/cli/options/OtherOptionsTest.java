package io.vscanpoc.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtherOptionsTest {

    @Test
    void timeScaleDefaultsToRealTimeExceptUnderSimulateAndMustBePositive() {
        var time = new TimeOptions();
        assertEquals(1.0, time.scale(false).factor());
        assertEquals(TimeOptions.SIMULATED_DEFAULT, time.scale(true).factor());
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            time.timeScale = bad;
            assertThrows(UsageException.class, time::validate, "time scale " + bad);
        }
    }

    @Test
    void politenessIsRangeChecked() {
        var p = new PolitenessOptions();
        p.validate();
        assertEquals(Duration.ofMillis(1500), p.delay());
        p.delaySeconds = -1;
        assertThrows(UsageException.class, p::validate);
        p.delaySeconds = 1;
        p.maxRequests = 0L;
        assertThrows(UsageException.class, p::validate);
        p.maxRequests = null;
        p.maxRps = 0.0;
        assertThrows(UsageException.class, p::validate);
    }

    @Test
    void aSimulatedRunNeverDefaultsToTheRealReport() {
        var out = new OutputOptions();
        assertEquals(OutputOptions.REAL_REPORT, out.report(false));
        assertEquals(OutputOptions.SIMULATED_REPORT, out.report(true));
        assertEquals(Path.of("docs/research/parallel-scan-poc-results-simulated.json"), out.json(true));
        out.report = Path.of("x/y.md");
        assertEquals(Path.of("x/y.json"), out.json(true));
    }

    @Test
    void targetRejectsConflictsAndMalformedUrlsWithoutConnecting() {
        var t = new TargetOptions();
        t.simulate = true;
        t.apiUrl = "https://example.invalid/api";
        assertTrue(assertThrows(UsageException.class, t::validate).getMessage().contains("cannot be used together"));
        var malformed = new TargetOptions();
        malformed.apiUrl = "ht tp://bad";
        assertTrue(assertThrows(UsageException.class, malformed::validate).getMessage().contains("not a valid URL"));
        var relative = new TargetOptions();
        relative.apiUrl = "/api/extensions";
        assertTrue(assertThrows(UsageException.class, relative::validate).getMessage().contains("absolute"));
    }

    @Test
    void inputFlagsConflict() {
        var in = new InputOptions();
        in.extensionsFile = Path.of("a.txt");
        in.fromVscode = InputOptions.DEFAULT_VSCODE_DIR;
        assertThrows(UsageException.class, in::validate);
    }
}
