import CTISpec
import Foundation

extension SpecDiff {
    /// How a diff is printed.
    public enum Format: String, Sendable, CaseIterable {
        /// `file:line:col: error: wire-breaking: ...`, one line each, as compilers print: editors and CI
        /// logs show them at the spec's line.
        case text
        /// A summary to paste into a pull request: counts per class, then a table per destination.
        case markdown
        /// For tools: every change with its class, location, destination, text and Swift symbols.
        case json
    }

    /// The report in `format`.
    public func report(_ format: Format) -> String {
        switch format {
        case .text: textReport()
        case .markdown: markdownReport()
        case .json: jsonReport()
        }
    }

    /// `2 wire-breaking, 1 source-breaking, 0 compatible, 3 documentation`.
    public var summary: String {
        SpecChange.Impact.allCases.map { "\(count($0)) \($0.label)" }.joined(separator: ", ")
    }

    private func textReport() -> String {
        var lines = changes.map { change in
            let severity = switch change.impact {
            case .wire: "error"
            case .source: "warning"
            case .compatible, .documentation: "note"
            }
            return "\(change.location): \(severity): \(change.impact.label): \(change.text)"
        }
        lines.append(changes.isEmpty ? "no changes" : summary)
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdownReport() -> String {
        var text = "## Spec changes\n\n"
        guard !changes.isEmpty else { return text + "No changes.\n" }
        text += "| " + SpecChange.Impact.allCases.map(\.label).joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---:|", count: SpecChange.Impact.allCases.count) + "\n"
        text += "| " + SpecChange.Impact.allCases.map { "\(count($0))" }.joined(separator: " | ") + " |\n"
        let groups = Dictionary(grouping: changes) { $0.destination ?? "" }
        for group in groups.keys.sorted() {
            text += "\n### " + (group.isEmpty ? "Protocol" : "Destination `\(group)`") + "\n\n"
            text += "| class | where | change |\n|---|---|---|\n"
            for change in groups[group]!.sorted(by: { ($0.impact, $0.location) < ($1.impact, $1.location) }) {
                let cell = change.text.replacingOccurrences(of: "|", with: "\\|")
                text += "| \(change.impact.label) | `\(change.location)` | \(cell) |\n"
            }
        }
        return text
    }

    private func jsonReport() -> String {
        struct Report: Encodable {
            struct Change: Encodable {
                var impact: String
                var file: String
                var line: Int
                var column: Int
                var destination: String?
                var text: String
                var symbols: [String]
            }
            var summary: [String: Int]
            var changes: [Change]
        }
        let report = Report(
            summary: Dictionary(uniqueKeysWithValues: SpecChange.Impact.allCases.map { ($0.label, count($0)) }),
            changes: changes.map {
                Report.Change(
                    impact: $0.impact.label, file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    destination: $0.destination, text: $0.text, symbols: $0.symbols)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and arrays of them cannot fail.
        let data = (try? encoder.encode(report)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
