/// A position in a spec file: the file's path as the user gave it, and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path, as given on the command line or found in a folder.
    public var file: String
    /// The line, counted from 1.
    public var line: Int
    /// The column, counted from 1 in Unicode scalars (as libyaml counts them).
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form compilers, SwiftPM and editors recognise.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in a spec.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is: errors stop generation, warnings do not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// How serious the problem is.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and, where one is known, how to fix it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:col: error: message`, the compiler's format.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// The diagnostics gathered while loading and checking a spec, in the order they were found.
public struct DiagnosticLog: Sendable {
    /// Every diagnostic so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty log.
    public init() {}

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records an error.
    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    /// Records a warning.
    public mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    /// Appends the diagnostics of another log.
    public mutating func append(contentsOf other: DiagnosticLog) {
        diagnostics.append(contentsOf: other.diagnostics)
    }

    /// The diagnostics sorted by file, line and column (stable for equal positions), each once: a
    /// variant's copy of a message it extends is checked again with the variant, and a problem of the
    /// destination's rows would otherwise be reported twice.
    public var sorted: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0).inserted }
    }
}
