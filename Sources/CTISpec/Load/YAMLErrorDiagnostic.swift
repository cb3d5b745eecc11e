import Yams

/// Turns Yams' errors into located diagnostics that say what is wrong in plain words.
package enum YAMLErrorDiagnostic {
    package static func make(_ error: YamlError, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        let start = SourceLocation(file: path, line: 1, column: 1)
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return Diagnostic(.error, at: at(mark), "invalid YAML: \(problem)\(during)")
        case .reader(let problem, let offset, _, _):
            let position = offset.map { " at byte \($0)" } ?? ""
            return Diagnostic(.error, at: start, "the file cannot be read as YAML: \(problem)\(position)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(.error, at: at(context.mark), "the key \(keys) appears twice in one mapping; keep one")
        default:
            return Diagnostic(.error, at: start, "invalid YAML: \(error)")
        }
    }
}
