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
 * Opens generated reports from {@code file://} in headless Chromium: no console errors, the decision table first,
 * small-multiple charts of at most 8 models with their points, speedup bands never below zero, no chart text that
 * overlaps other text or leaves its chart at 1400 and 900 px (boxes from the SVG DOM), a model toggled through the
 * legend, hostile names shown as text, and screenshots in {@code target/report-*.png} for a person to look at.
 */
class ReportInBrowserTest {

    private static final Path WORK = Path.of("target", "browser-test");
    private static ChromeDriver browser;
    private static Path suiteReport;
    private static Path hostileReport;
    private static Path pythonReport;
    private static Path smtReport;
    private static Path twoMarksReport;

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
        smtReport = WORK.resolve("smt.html").toAbsolutePath();
        assertThat(ReportCommand.execute(Fixtures.run("smt-topology").toString(), "-o", smtReport.toString())).isZero();
        Path marked = WORK.resolve("synthetic-two-marks");
        SyntheticRun.write(marked, SyntheticRun.Size.SMALL);
        withTopology(marked.resolve("manifest.json"), 2, 3);
        twoMarksReport = WORK.resolve("two-marks.html").toAbsolutePath();
        assertThat(ReportCommand.execute(marked.toString(), "-o", twoMarksReport.toString(),
                "--title", "parbench — synthetic run with two topology marks (not a measurement)")).isZero();
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
    void chartsAreSmallMultiplesPerPanelWithTheirPoints() {
        open(suiteReport);

        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.executeScript("""
                var speedup = parbenchCharts.filter(function (c) { return c.kind === 'speedup-vs-cores'; });
                var pools = speedup.filter(function (c) { return c.panel === 'JVM pools'; })[0];
                var fixed = pools.chart.getOption().series.filter(function (s) { return s.name === 'fixed-pool' && s.type === 'line'; })[0];
                // series per chart; the efficiency chart is one series whose bars are labelled categories
                var widest = Math.max.apply(null, parbenchCharts.filter(function (c) { return c.kind !== 'efficiency'; })
                  .map(function (c) { return c.models.length; }));
                return { speedupCharts: speedup.length, panels: speedup.slice(0, 3).map(function (c) { return c.panel; }).join(','),
                         poolModels: pools.models.join(','), fixedPoolPoints: fixed.data.length, widest: widest,
                         canvases: document.querySelectorAll('.chart svg').length, charts: parbenchCharts.length,
                         tableRows: document.querySelectorAll('#results-table tbody tr').length };
                """);

        assertThat(drawn).containsEntry("speedupCharts", 9L) // Sleep, Wiki, Cpu x JVM pools, processes, threads
                .containsEntry("panels", "JVM pools,JVM processes,JVM threads")
                .containsEntry("poolModels", "common-pool (ignores p),fixed-pool,fork-join,parallel-stream (ignores p),"
                        + "virtual-threads-bounded")
                .containsEntry("fixedPoolPoints", 3L)          // cores 1, 2, 4
                .containsEntry("tableRows", 250L);             // the first page of 962 rows
        assertThat((Long) drawn.get("widest")).isLessThanOrEqualTo(8L);
        assertThat((Long) drawn.get("canvases")).isEqualTo((Long) drawn.get("charts"));
    }

    @Test
    void speedupBandsNeverReachBelowZero() {
        open(suiteReport);

        Object lowest = browser.executeScript("""
                var lows = [];
                parbenchCharts.filter(function (c) { return c.kind.indexOf('speedup') === 0; }).forEach(function (c) {
                  c.chart.getOption().series.filter(function (s) { return s.type === 'custom'; })
                    .forEach(function (s) { s.data.forEach(function (d) { lows.push(d[1]); }); });
                });
                return lows.length ? Math.min.apply(null, lows) : null;
                """);

        assertThat(((Number) lowest).doubleValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theDecisionTableComesFirst() {
        open(suiteReport);

        Object first = browser.executeScript("return document.querySelector('main > section').id;");

        assertThat(first).isEqualTo("decision");
        assertThat(browser.findElements(By.cssSelector("#decision-table td.cell"))).isNotEmpty();
    }

    @Test
    void noTextOverlapsOrIsClippedAt1400And900Pixels() throws IOException {
        for (Path page : List.of(suiteReport, pythonReport, hostileReport, smtReport, twoMarksReport)) {
            for (int width : List.of(1400, 900)) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
                open(page);

                @SuppressWarnings("unchecked")
                List<String> problems = (List<String>) browser.executeScript(OVERLAPS);

                assertThat(problems).as("%s at %d px", page.getFileName(), width).isEmpty();
                if (page.equals(suiteReport)) {
                    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                            Path.of("target", "report-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(browser.findElement(By.cssSelector(".workload")).getScreenshotAs(OutputType.FILE)
                            .toPath(), Path.of("target", "report-workload-" + width + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    /**
     * Every chart's SVG text boxes (from the DOM): pairs that overlap by more than a pixel each way, and boxes that
     * leave the chart. Text under a clip path (a scrolling legend's other pages) that lies outside the chart is
     * hidden, not clipped, and is skipped.
     */
    private static final String OVERLAPS = """
            var problems = [];
            parbenchCharts.forEach(function (c, ci) {
              var box = c.element.getBoundingClientRect();
              var items = [];
              c.element.querySelectorAll('svg text').forEach(function (t) {
                var r = t.getBoundingClientRect();
                if (!t.textContent.trim() || r.width === 0 || r.height === 0) { return; }
                var outside = r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
                if (outside && t.closest('[clip-path]')) { return; }
                if (outside) { problems.push(c.kind + ' #' + ci + ' clips "' + t.textContent + '"'); }
                items.push({ t: t.textContent, r: r });
              });
              for (var i = 0; i < items.length; i++) {
                for (var j = i + 1; j < items.length; j++) {
                  var a = items[i].r, b = items[j].r;
                  var ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  var oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (ox > 1 && oy > 1) { problems.push(c.kind + ' #' + ci + ': "' + items[i].t + '" overlaps "' + items[j].t + '"'); }
                }
              }
            });
            return problems;
            """;

    @Test
    void legendTogglesAModel() {
        open(suiteReport);

        Object selected = browser.executeScript("""
                var chart = parbenchCharts.filter(function (c) {
                  return c.kind === 'speedup-vs-cores' && c.panel === 'JVM processes'; })[0].chart;
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
    void pythonRowsHavePanelsOfTheirOwnAsDashedLines() {
        open(pythonReport);

        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.executeScript("""
                var cpu = parbenchCharts.filter(function (c) {
                  return c.kind === 'speedup-vs-cores' && c.chart.getDom().closest('.workload').textContent.indexOf('Cpu') >= 0;
                });
                function style(panel, name) {
                  var chart = cpu.filter(function (c) { return c.panel === panel; })[0];
                  if (!chart) { return 'no panel'; }
                  var s = chart.chart.getOption().series.filter(function (x) { return x.name === name && x.type === 'line'; })[0];
                  return s ? s.lineStyle.type + ':' + s.data.length : 'absent';
                }
                return { py: style('Python pools', 'py-thread-pool'), jvm: style('JVM pools', 'fixed-pool'),
                         mixed: cpu.filter(function (c) { return c.panel.indexOf('JVM') === 0; }).some(function (c) {
                           return c.models.some(function (m) { return m.indexOf('py-') === 0; }); }),
                         section: document.querySelectorAll('#python-vs-jvm li').length };
                """);

        assertThat(drawn).containsEntry("py", "dashed:2")  // cores 1 and 2
                .containsEntry("jvm", "solid:2")
                .containsEntry("mixed", false);
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

    /** Marks a synthetic run's manifest with a topology: a second package from one core count, SMT from another. */
    private static void withTopology(Path manifest, int secondPackageFrom, int smtSiblingsFrom) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest.toFile());
        root.putObject("topology").put("source", "sysfs").put("order", "0,1,2,3").put("physicalCores", 2)
                .put("packages", 2).put("secondPackageFrom", secondPackageFrom).put("smtSiblingsFrom", smtSiblingsFrom);
        Files.writeString(manifest, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** Per chart kind, each chart's drawn SVG texts that are topology labels, sorted and joined by " | ". */
    private static final String MARK_LABELS = """
            var out = {};
            parbenchCharts.forEach(function (c) {
              var texts = Array.prototype.map.call(c.element.querySelectorAll('svg text'), function (t) { return t.textContent; })
                .filter(function (t) { return /from here$/.test(t); });
              (out[c.kind] = out[c.kind] || []).push(texts.sort().join(' | '));
            });
            return out;
            """;

    private static void showEveryWorkloadAs(String view) {
        browser.executeScript("""
                document.querySelectorAll('select.view-select').forEach(function (s) {
                  s.value = arguments[0]; s.dispatchEvent(new Event('change'));
                });""".replace("arguments[0]", "'" + view + "'"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> markLabels() {
        return (Map<String, List<String>>) browser.executeScript(MARK_LABELS);
    }

    @Test
    void smtMarkIsLabelledOnEveryCoreCountChartAndNowhereElse() {
        open(smtReport);

        Map<String, List<String>> speedupView = markLabels();
        showEveryWorkloadAs("absolute");
        Map<String, List<String>> timeView = markLabels();

        assertThat(speedupView.get("speedup-vs-cores")).hasSizeGreaterThanOrEqualTo(4) // Cpu, Dispatch × JVM, Python
                .allMatch("SMT siblings from here"::equals);
        assertThat(speedupView.get("efficiency")).allMatch(String::isEmpty);
        assertThat(timeView.get("absolute")).isNotEmpty().allMatch("SMT siblings from here"::equals);
        assertThat(browser.findElement(By.id("environment")).getText())
                .contains("core counts ≥ 2 share physical cores (SMT)");
    }

    @Test
    void noMarkIsDrawnWithoutATopology() {
        open(suiteReport);

        assertThat(markLabels().values()).allSatisfy(labels -> assertThat(labels).allMatch(String::isEmpty));
    }

    /**
     * For each chart of {@code arguments[0]}'s kind, whether the socket label (at 2 cores) lies left of its line, between
     * 1 and 2 cores, and the SMT label (from 3 cores) right of its line: on the speedup view's log axis between 3 and 4
     * cores, on the time view's columns (1, 2, 4) right of the column of 4 cores, the first that has SMT siblings.
     */
    private static final String MISPLACED_MARKS = """
            var kind = arguments[0], problems = [];
            parbenchCharts.filter(function (c) { return c.kind === kind; }).forEach(function (c, ci) {
              var left = c.element.getBoundingClientRect().left;
              var columns = kind === 'absolute' ? c.chart.getOption().xAxis[0].data : null;
              function px(cores) {
                var at = columns ? columns.indexOf(String(cores)) : cores;
                return left + c.chart.convertToPixel({ xAxisIndex: 0 }, at);
              }
              function centre(label) {
                var t = Array.prototype.filter.call(c.element.querySelectorAll('svg text'),
                  function (x) { return x.textContent === label; })[0];
                if (!t) { return NaN; }
                var r = t.getBoundingClientRect();
                return (r.left + r.right) / 2;
              }
              var socket = centre('2nd socket from here'), smt = centre('SMT siblings from here');
              if (!(px(1) < socket && socket < px(2))) { problems.push(kind + ' #' + ci + ' socket label at ' + socket); }
              var smtOk = columns ? px(4) < smt : px(3) < smt && smt < px(4);
              if (!smtOk) { problems.push(kind + ' #' + ci + ' SMT label at ' + smt + ' (1, 2, 4 cores at ' + [px(1), px(2), px(4)].join(', ') + ')'); }
            });
            return problems;
            """;

    @Test
    @SuppressWarnings("unchecked")
    void twoMarksSitAtTheirCoreCountsOnOppositeSidesWithoutOverlapAt1400And900Pixels() throws IOException {
        for (int width : List.of(1400, 900)) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
            open(twoMarksReport);

            List<String> labels = markLabels().get("speedup-vs-cores");
            List<String> misplaced = (List<String>) browser.executeScript(MISPLACED_MARKS, "speedup-vs-cores");
            Files.copy(browser.findElement(By.cssSelector(".workload")).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "report-topology-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            showEveryWorkloadAs("absolute");
            List<String> timeLabels = markLabels().get("absolute");
            List<String> misplacedInTime = (List<String>) browser.executeScript(MISPLACED_MARKS, "absolute");
            List<String> overlapsInTime = (List<String>) browser.executeScript(OVERLAPS);

            assertThat(labels).as("at %d px", width).isNotEmpty()
                    .allMatch("2nd socket from here | SMT siblings from here"::equals);
            assertThat(misplaced).as("at %d px", width).isEmpty();
            assertThat(timeLabels).as("time view at %d px", width).isNotEmpty()
                    .allMatch("2nd socket from here | SMT siblings from here"::equals);
            assertThat(misplacedInTime).as("time view at %d px", width).isEmpty();
            assertThat(overlapsInTime).as("time view at %d px", width).isEmpty();
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }
}
