package parbench.report.html;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import parbench.report.cli.ReportCommand;
import parbench.report.fixture.SyntheticRun;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opens generated reports from {@code file://} in headless Chromium: no console errors, charts drawn with their
 * points, a model toggled through the legend, hostile names shown as text, and a screenshot in
 * {@code target/report-screenshot.png} for a person to look at.
 */
class ReportInBrowserTest {

    private static final Path WORK = Path.of("target", "browser-test");
    private static ChromeDriver browser;
    private static Path suiteReport;
    private static Path hostileReport;
    private static Path pythonReport;

    @BeforeAll
    static void renderReportsAndStartTheBrowser() throws IOException {
        Files.createDirectories(WORK);
        Path run = WORK.resolve("synthetic-run");
        SyntheticRun.write(run, SyntheticRun.Size.SMALL);
        suiteReport = WORK.resolve("suite.html").toAbsolutePath();
        assertThat(ReportCommand.execute(run.toString(), Fixtures.jmh("real-jmh-1.37-thrpt.json").toString(),
                "-o", suiteReport.toString(), "--title", "parbench — synthetic run (not a measurement)")).isZero();
        hostileReport = WORK.resolve("hostile.html").toAbsolutePath();
        assertThat(ReportCommand.execute(Fixtures.jmh("handwritten-hostile-names.json").toString(),
                "-o", hostileReport.toString())).isZero();
        pythonReport = WORK.resolve("python.html").toAbsolutePath();
        assertThat(ReportCommand.execute(Fixtures.run("python-and-jvm").toString(), "-o", pythonReport.toString()))
                .isZero();
        browser = Chromium.start(WORK.resolve("profile-" + ProcessHandle.current().pid()), 1400, 1000);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(Path page) {
        browser.get(page.toUri().toString());
        browser.manage().logs().get(LogType.BROWSER); // start each test with an empty log
    }

    @Test
    void pageOpensWithoutConsoleErrors() {
        browser.get(suiteReport.toUri().toString());

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(severe).isEmpty();
    }

    @Test
    void chartsAreDrawnWithTheirPoints() {
        open(suiteReport);

        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.executeScript("""
                var speedup = parbenchCharts.filter(function (c) { return c.kind === 'speedup-vs-cores'; });
                var series = speedup[0].chart.getOption().series;
                var fixed = series.filter(function (s) { return s.name === 'fixed-pool'; })[0];
                return { charts: parbenchCharts.length, speedupCharts: speedup.length, series: series.length,
                         fixedPoolPoints: fixed.data.length,
                         canvases: document.querySelectorAll('.chart canvas').length,
                         tableRows: document.querySelectorAll('#results-table tbody tr').length };
                """);

        assertThat(drawn).containsEntry("speedupCharts", 3L) // Sleep, Wiki, Cpu
                .containsEntry("series", 11L)                  // ten models and the ideal
                .containsEntry("fixedPoolPoints", 3L)          // cores 1, 2, 4
                .containsEntry("tableRows", 250L);             // the first page of 962 rows
        assertThat((Long) drawn.get("canvases")).isEqualTo((Long) drawn.get("charts")).isGreaterThanOrEqualTo(13L);
    }

    @Test
    void legendTogglesAModel() {
        open(suiteReport);

        Object selected = browser.executeScript("""
                var chart = parbenchCharts.filter(function (c) { return c.kind === 'speedup-vs-cores'; })[0].chart;
                chart.dispatchAction({ type: 'legendToggleSelect', name: 'process-spawn' });
                return chart.getOption().legend[0].selected['process-spawn'];
                """);

        assertThat(selected).isEqualTo(false);
    }

    @Test
    void tableShowsEveryRowOnRequest() {
        open(suiteReport);

        browser.findElement(By.cssSelector("button.more")).click();

        assertThat(browser.findElements(By.cssSelector("#results-table tbody tr"))).hasSize(962);
    }

    @Test
    void tableFiltersByWords() {
        open(suiteReport);

        browser.findElement(By.id("results-filter")).sendKeys("wiki process-spawn");

        assertThat(browser.findElement(By.id("results-count")).getText()).isEqualTo("24 of 962 results");
    }

    @Test
    void pythonRowsOverlayTheJvmChartsAsDashedLines() {
        open(pythonReport);

        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.executeScript("""
                var cpu = parbenchCharts.filter(function (c) {
                  return c.kind === 'speedup-vs-cores' && c.chart.getDom().closest('.workload').textContent.indexOf('Cpu') >= 0;
                })[0];
                var series = cpu.chart.getOption().series;
                function style(name) {
                  var s = series.filter(function (x) { return x.name === name; })[0];
                  return s ? s.lineStyle.type + ':' + s.data.length : 'absent';
                }
                return { py: style('py-thread-pool'), jvm: style('fixed-pool'),
                         section: document.querySelectorAll('#python-vs-jvm li').length };
                """);

        assertThat(drawn).containsEntry("py", "dashed:2")  // cores 1 and 2
                .containsEntry("jvm", "solid:2");
        assertThat((Long) drawn.get("section")).isGreaterThanOrEqualTo(2L);
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())).isEmpty();
    }

    @Test
    void hostileBenchmarkNameIsShownAsText() {
        open(hostileReport);

        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.id("results-table")).getText())
                .contains("evil.</script><img src=x onerror=alert(1)>.run");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).isEmpty();
    }

    @Test
    void savesAScreenshotOfTheWholePage() throws IOException {
        open(suiteReport);
        Long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) Math.min(height, 16000)));
        browser.executeScript("parbenchCharts.forEach(function (c) { c.chart.resize(); });");

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "report-screenshot.png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);

        Path workload = Path.of("target", "report-workload.png");
        Files.copy(browser.findElement(By.cssSelector(".workload")).getScreenshotAs(OutputType.FILE).toPath(), workload,
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(target).isNotEmptyFile();
        assertThat(workload).isNotEmptyFile();
    }
}
