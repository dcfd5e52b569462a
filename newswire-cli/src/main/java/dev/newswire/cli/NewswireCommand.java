package dev.newswire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./newswire}: the command line of Newswire. Subcommands do the work. */
@Command(name = "newswire",
        mixinStandardHelpOptions = true,
        version = "newswire 0.1.0",
        description = "Event-driven news aggregation: run the local stack, send articles, search, enrich offline.",
        subcommands = {
                CommandLine.HelpCommand.class,
                dev.newswire.cli.stack.UpCommand.class,
                dev.newswire.cli.stack.DownCommand.class,
                dev.newswire.cli.stack.StatusCommand.class,
                dev.newswire.cli.search.SearchCommand.class,
                dev.newswire.cli.ingest.IngestCommand.class,
                dev.newswire.cli.dlq.DlqCommand.class,
                dev.newswire.cli.chaos.ChaosCommand.class,
                dev.newswire.cli.enrich.ExtractCommand.class,
                dev.newswire.cli.enrich.LangidCommand.class,
                dev.newswire.cli.enrich.NerCommand.class,
        })
public final class NewswireCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new NewswireCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
