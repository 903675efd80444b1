package parbench.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Test extension: after every test, this JVM has no child process left (every worker was ended). */
final class NoDescendants implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> left = ProcessHandle.current().descendants()
                .map(handle -> handle.pid() + " " + handle.info().commandLine().orElse("?"))
                .toList();
        assertThat(left).as("processes left behind by %s", context.getDisplayName()).isEmpty();
    }
}
