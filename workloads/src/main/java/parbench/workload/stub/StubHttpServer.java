package parbench.workload.stub;

import java.util.EnumSet;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty 11 server with the {@link MalformedRequestFilter} in front of the mock service,
 * so that malformed requests get 400. Built by WireMock through {@link #FACTORY}; thread-safety is
 * WireMock's.
 */
final class StubHttpServer extends Jetty11HttpServer {

    /** What {@code options().httpServerFactory(...)} takes. */
    static final HttpServerFactory FACTORY = new HttpServerFactory() {
        @Override
        public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stub) {
            return new StubHttpServer(options, admin, stub);
        }
    };

    private StubHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stub) {
        super(options, admin, stub);
    }

    @Override
    protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        super.decorateMockServiceContextBeforeConfig(context);
        context.addFilter(new FilterHolder(new MalformedRequestFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
}
