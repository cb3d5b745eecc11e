import ArgumentParser

/// The `cti-codegen` command: turns the Processor Bridge protocol's tables, written as YAML, into Swift.
@main
struct CTICodegenTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cti-codegen",
        abstract: "Generate Swift bindings for the Processor Bridge CTI protocol from its YAML spec.",
        subcommands: [GenerateCommand.self, LintCommand.self, DocsCommand.self]
    )
}
