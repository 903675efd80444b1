package parbench.report.history;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import parbench.report.html.Chromium;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history page in real headless Chromium: it opens without a console warning, draws the chosen series with its
 * change point marked by commit, filters the series list, and draws one line per testbed across testbeds. SYNTHETIC
 * history: 20 runs on each of two testbeds, fork-join 20 % slower from run 12 on the Xeon.
 */
class HistoryPageInBrowserTest {

    private static final Path WORK = Path.of("target", "history-browser-test");
    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void renderAndStartTheBrowser() throws Exception {
        Files.createDirectories(WORK);
        Path db = WORK.resolve("history-" + ProcessHandle.current().pid() + ".sqlite");
        Files.deleteIfExists(db);
        HistoryStore store = new HistoryStore(HistoryDatabase.open(DatabaseLocation.parse(db.toString())));
        var epyc = new SyntheticHistory("AMD EPYC 7763 64-Core Processor", 2, "21.0.5", 0.01);
        for (int i = 0; i < 20; i++) {
            Map<String, Double> xeon = new LinkedHashMap<>();
            xeon.put("sequential", 100.0);
            xeon.put("fork-join", i < 12 ? 50.0 : 60.0);
            ingest(store, SyntheticHistory.xeon().write(WORK.resolve("xeon-" + i), i, xeon, i));
            ingest(store, epyc.write(WORK.resolve("epyc-" + i), i, Map.of("sequential", 80.0, "fork-join", 41.0),
                    100 + i));
        }
        List<Series> series = store.series(SeriesFilter.all());
        page = WORK.resolve("history.html").toAbsolutePath();
        try (BufferedWriter out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            new HistoryPage().render("parbench history (synthetic, not a measurement)", series,
                    ChangeDetector.standard().find(series), out);
        }
        browser = Chromium.start(WORK.resolve("profile-" + ProcessHandle.current().pid()), 1400, 1000);
    }

    private static void ingest(HistoryStore store, Path run) throws Exception {
        store.ingest(IncomingRun.read(run, new IncomingRun.Overrides(Optional.empty(), Optional.empty(),
                Optional.of("main"), Optional.empty()), Instant.now()));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pageOpensWithoutConsoleWarnings() {
        browser.get(page.toUri().toString());
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
    }

    @Test
    void theSeriesWithTheChangeIsDrawnWithItsCommitMarked() {
        browser.get(page.toUri().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.executeScript("""
                var option = echarts.getInstanceByDom(document.getElementById('series-chart')).getOption();
                var median = option.series[2];
                return { points: median.data.length, mark: median.markLine.data[0].label.formatter,
                         caption: document.getElementById('series-caption').textContent };
                """);
        assertThat(drawn).containsEntry("points", 20L);
        assertThat((String) drawn.get("mark")).startsWith("c12 ");
        assertThat((String) drawn.get("caption")).contains("xeon-2c-jdk25", "model=fork-join");
    }

    @Test
    void theFilterNarrowsTheSeriesList() {
        browser.get(page.toUri().toString());
        var filter = browser.findElement(By.id("series-filter"));
        filter.sendKeys("epyc sequential");
        Long options = (Long) browser.executeScript(
                "return document.querySelectorAll('#series-select option').length;");
        assertThat(options).isEqualTo(1L);
    }

    @Test
    void speedupAcrossTestbedsHasOneLinePerTestbed() {
        browser.get(page.toUri().toString());
        @SuppressWarnings("unchecked")
        List<Object> names = (List<Object>) browser.executeScript("""
                var option = echarts.getInstanceByDom(document.getElementById('speedup-chart')).getOption();
                return option.series.map(function (s) { return s.name + ':' + s.data.length; });
                """);
        assertThat(names).containsExactlyInAnyOrder("xeon-2c-jdk25:20", "epyc-2c-jdk21:20");
    }

    @Test
    void theChangeTableNamesTheCommit() throws IOException {
        browser.get(page.toUri().toString());
        var rows = browser.findElements(By.cssSelector("#changes-table tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("xeon-2c-jdk25", "c12", "+20.");
    }
}
