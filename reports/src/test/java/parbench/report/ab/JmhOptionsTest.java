package parbench.report.ab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JmhOptionsTest {

    @Test
    void optionsSplitAtWhitespaceOutsideQuotes() {
        JmhOptions options = JmhOptions.parse("  -p taskMillis=10 -jvmArgs \"-XX:+UseSerialGC -Xmx1g\" -wi '2' ");

        assertThat(options.arguments()).containsExactly("-p", "taskMillis=10", "-jvmArgs", "-XX:+UseSerialGC -Xmx1g",
                "-wi", "2");
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheText() {
        assertThatThrownBy(() -> JmhOptions.parse("-jvmArgs \"-Xmx1g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unclosed \" in JMH options '-jvmArgs \"-Xmx1g'");
    }

    @Test
    void paramsSetDifferentlyOnTheTwoSidesAreNamed() {
        JmhOptions base = JmhOptions.parse("-p taskMillis=10 -p tasks=10 -p model=a");
        JmhOptions candidate = JmhOptions.parse("-p taskMillis=11 -p tasks=10 -p work=5");

        assertThat(base.paramsDifferingFrom(candidate)).containsExactlyInAnyOrder("taskMillis", "model", "work");
    }
}
