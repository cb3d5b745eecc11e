import ArgumentParser
import CTICodegen
import Foundation

/// `cti-codegen docs`: renders the spec as a Markdown reference in the source chapter's layout.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Render the spec as a Markdown reference: per message its header and body tables, then the errata."
    )

    @OptionGroup var inputs: SpecInputs

    @Option(name: .shortAndLong, help: "Write the reference to this file instead of standard output.")
    var output: String?

    func run() throws {
        let markdown = MarkdownReference(spec: try inputs.load()).render()
        guard let output else {
            print(markdown, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        let writer = OutputWriter(folders: [.documentation: url.deletingLastPathComponent()])
        do {
            _ = try writer.write(writer.plan([GeneratedFile(root: .documentation, name: url.lastPathComponent, contents: markdown)]))
        } catch {
            StandardError.write(error.description + "\n")
            throw ExitCode(1)
        }
    }
}
