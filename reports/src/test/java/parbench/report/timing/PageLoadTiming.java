package parbench.report.timing;

import org.openqa.selenium.chrome.ChromeDriver;
import parbench.report.html.Chromium;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the README's page-opening figure: the time from navigation start to the end of the load event of a
 * report in headless Chromium (the page's script draws every chart and the table before load ends), five times.
 * Run after {@link RenderTiming}: {@code java -cp <test classpath> parbench.report.timing.PageLoadTiming
 * target/timing/report-large.html}.
 */
public final class PageLoadTiming {

    private PageLoadTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path page = Path.of(args.length > 0 ? args[0] : "target/timing/report-large.html").toAbsolutePath();
        ChromeDriver browser = Chromium.start(Path.of("target", "timing", "profile-" + ProcessHandle.current().pid()), 1400, 1000);
        try {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                browser.get("about:blank");
                browser.get(page.toUri().toString());
                Number loadEnd = (Number) browser.executeScript(
                        "return performance.getEntriesByType('navigation')[0].loadEventEnd;");
                Number charts = (Number) browser.executeScript("return parbenchCharts.length;");
                millis.add(Math.round(loadEnd.doubleValue()));
                System.out.println("load " + (i + 1) + ": " + Math.round(loadEnd.doubleValue()) + " ms, " + charts + " charts");
            }
            System.out.printf("%s opened in headless Chromium: %s ms; median %d ms%n", page, millis,
                    millis.stream().sorted().toList().get(millis.size() / 2));
        } finally {
            browser.quit();
        }
    }
}
