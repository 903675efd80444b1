package parbench.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Test-only stand-in for {@link WorkerMain}: says it is ready like a real worker, then answers
 * every task line with {@value #GARBAGE} and keeps reading until stdin closes. The pool must
 * notice the broken protocol itself, not by the worker exiting.
 */
public final class GarbageWorkerMain {

    static final String GARBAGE = "this is not a frame";

    public static void main(String[] args) throws IOException {
        var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println(new FrameCodec().write(new ReadyFrame(ProcessHandle.current().pid())));
        System.out.flush();
        while (stdin.readLine() != null) {
            System.out.println(GARBAGE);
            System.out.flush();
        }
    }
}
