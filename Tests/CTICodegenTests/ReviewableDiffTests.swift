import CTICodegen
import CTISpec
import Foundation
import Testing

/// A change to one message of the spec changes only that message's lines in the generated code:
/// the other messages' blocks, the other files and the other tests stay byte for byte the same.
@Suite struct ReviewableDiffTests {
    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("spec")

    /// The shipped spec's files as (path, text), with `edit` applied to session.yaml.
    static func generate(editing edit: (String) -> String = { $0 }) throws -> [String: String] {
        let paths = try SpecLoader.specFiles(in: specFolder.path)
        let files = try paths.map { path in
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return (path: path, contents: path.hasSuffix("session.yaml") ? edit(text) : text)
        }
        let result = SpecLoader.forSwift().load(files: files)
        let spec = try #require(result.spec, "\(result.diagnostics)")
        let generated = Generator(options: GeneratorOptions(access: .public)).generate(spec, inputFiles: paths)
        return Dictionary(uniqueKeysWithValues: generated.map { ("\($0.root.rawValue)/\($0.name)", $0.contents) })
    }

    /// Splits a file at `separator`, keeping each block's first line as its title.
    static func blocks(_ text: String, separator: String) -> [(title: String, text: String)] {
        text.components(separatedBy: separator).map { block in
            (String(block.prefix { $0 != "\n" }), block)
        }
    }

    @Test func addingAFieldToOneEventChangesOnlyThatEvent() throws {
        let before = try Self.generate()
        let after = try Self.generate { text in
            let anchor = """
                      - key: name
                        type: string
                        notes: The name of the channel group (CTI identifier)

                  - name: session.externallogoutreasons.updated
                """
            #expect(text.contains(anchor), "the edit's anchor is not in session.yaml")
            return text.replacingOccurrences(
                of: anchor,
                with: """
                      - key: name
                        type: string
                        notes: The name of the channel group (CTI identifier)
                      - key: addedBy
                        type: string
                        required: false
                        notes: Who added it.

                  - name: session.externallogoutreasons.updated
                """)
        }
        #expect(Set(before.keys) == Set(after.keys))
        for (name, old) in before where !name.hasSuffix("/Session.swift") && !name.hasSuffix("/SessionTests.swift") {
            #expect(after[name] == old, "\(name) changed")
        }
        let oldSections = Self.blocks(before["sources/Session.swift"]!, separator: "// MARK: - ")
        let newSections = Self.blocks(after["sources/Session.swift"]!, separator: "// MARK: - ")
        #expect(oldSections.map(\.title) == newSections.map(\.title))
        let changed = zip(oldSections, newSections).filter { $0.0.text != $0.1.text }.map(\.0.title)
        #expect(changed == ["session.channelgroup.added"])

        // The diff is a few lines of that section: the property, its initializer parameter and assignment,
        // its read and its write, and the example's member.
        let sourceLines = Self.changedLines(before["sources/Session.swift"]!, after["sources/Session.swift"]!)
        #expect(sourceLines.count <= 16, "\(sourceLines.joined(separator: "\n"))")
        #expect(sourceLines.filter { $0.contains("addedBy") }.count >= 6, "\(sourceLines.joined(separator: "\n"))")
        // In the tests, only the table rows of that event's broken bodies change.
        let oldTests = before["tests/SessionTests.swift"]!.split(separator: "\n", omittingEmptySubsequences: false)
        let newTests = after["tests/SessionTests.swift"]!.split(separator: "\n", omittingEmptySubsequences: false)
        let testChanges = newTests.difference(from: oldTests)
        #expect(!testChanges.isEmpty)
        for change in testChanges {
            let (lines, offset) =
                switch change {
                case .insert(let offset, _, _): (newTests, offset)
                case .remove(let offset, _, _): (oldTests, offset)
                }
            let rows = lines.indices.filter { lines[$0].contains("Session.ChannelGroupAddedEvent.self") }
            #expect(rows.contains { (($0 - 1)...($0 + 3)).contains(offset) }, "\(lines[offset]) is outside the event's rows")
        }
    }

    /// The lines of `new` that `old` does not have, and those of `old` that `new` does not have.
    static func changedLines(_ old: String, _ new: String) -> [String] {
        let difference = new.split(separator: "\n", omittingEmptySubsequences: false)
            .difference(from: old.split(separator: "\n", omittingEmptySubsequences: false))
        return difference.map { change in
            switch change {
            case .insert(_, let line, _), .remove(_, let line, _): String(line)
            }
        }
    }

    @Test func provenanceNamesMessagesNotLines() throws {
        let sources = try Self.generate()["sources/Session.swift"]!
        #expect(sources.contains("// MARK: - session.request.close"))
        #expect(!sources.contains("session.yaml:"))
    }
}
