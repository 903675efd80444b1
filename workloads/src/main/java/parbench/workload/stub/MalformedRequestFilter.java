package parbench.workload.stub;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Answers a request whose body Jetty cannot parse (a malformed chunk size, a body cut short) with
 * 400 ("malformed request body"), instead of the 500 that WireMock's servlet makes of the exception: the client sent a bad
 * message, the stub did not fail. It reads a request's body (if it has one) before WireMock does,
 * up to {@value #MAX_BODY_BYTES} bytes (413 beyond), and hands WireMock a request that replays it.
 * Requests without a body (every page check) pass straight through. Stateless and thread-safe.
 */
final class MalformedRequestFilter implements Filter {

    /** The largest request body the stub buffers; the pages it serves are fetched with no body at all. */
    static final int MAX_BODY_BYTES = 1 << 20;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var http = (HttpServletRequest) request;
        if (http.getHeader("Transfer-Encoding") == null && http.getContentLengthLong() <= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = http.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (BadMessageException e) {
            ((HttpServletResponse) response).sendError(e.getCode(), e.getReason());
            return;
        } catch (IOException e) {
            // Jetty reports a body it cannot parse as an early end of input (EofException): the
            // client's fault either way, and a client that really went away never reads the answer
            ((HttpServletResponse) response).sendError(400, "malformed request body");
            return;
        }
        if (body.length > MAX_BODY_BYTES) {
            ((HttpServletResponse) response).sendError(413, "request body over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        chain.doFilter(new BufferedBody(http, body), response);
    }

    /** The request with its body already read: both streams replay the buffered bytes. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the buffered body is read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
