import ArgumentParser

/// The `cti-codegen` command: turns the Processor Bridge protocol's tables, written as YAML, into Swift.
@main
struct CTICodegenTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cti-codegen",
        abstract: "Generate Swift bindings for the Processor Bridge CTI protocol from its YAML spec.",
        subcommands: [GenerateCommand.self, LintCommand.self, DiffCommand.self, DocsCommand.self]
    )

    /// Runs the command. `diff` keeps status 1 for "a change of the --fail-on class was found", so it
    /// reports every failure to run, bad arguments included, as 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            let isDiff = CommandLine.arguments.dropFirst().first == DiffCommand.configuration.commandName
            if isDiff, status != .success, (error as? ExitCode) != ExitCode(1) {
                let message = fullMessage(for: error)
                if !message.isEmpty { StandardError.write(message + "\n") }
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
