package dev.newswire.cli.stack;

import dev.newswire.stack.JavaService;
import dev.newswire.stack.ManagedProcess;
import java.time.Duration;

/** A service of the local stack: its jar runs detached, so it outlives the CLI. */
record ServicePart(JavaService service) implements Part {

    @Override
    public String name() {
        return service.name();
    }

    @Override
    public int port() {
        return service.port();
    }

    @Override
    public String url() {
        return service.url();
    }

    @Override
    public boolean healthy() {
        return service.healthy();
    }

    @Override
    public ManagedProcess start(Duration timeout) {
        return service.start(timeout, true);
    }
}
