import CTISpec

/// One difference between two specs, located and classified by whom it breaks.
public struct SpecChange: Sendable, Hashable {
    /// Whom a change breaks, most serious first.
    public enum Impact: String, Sendable, Hashable, CaseIterable, Comparable {
        /// A peer built from the old spec and one built from the new no longer understand each other.
        case wire
        /// Code written against the old generated API no longer compiles.
        case source
        /// Old and new peers interoperate and old code compiles.
        case compatible
        /// Only notes, summaries or errata changed.
        case documentation

        /// How the change is named in reports: `wire-breaking`, `source-breaking`, ...
        public var label: String {
            switch self {
            case .wire: "wire-breaking"
            case .source: "source-breaking"
            case .compatible: "compatible"
            case .documentation: "documentation"
            }
        }

        public static func < (lhs: Impact, rhs: Impact) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Whom it breaks.
    public var impact: Impact
    /// Where it is: on the new side, or on the old side for something removed.
    public var location: SourceLocation
    /// The destination it belongs to; nil for the protocol file.
    public var destination: String?
    /// What changed, and for a breaking change what breaks.
    public var text: String
    /// The Swift symbols it changes, as the generated code spells them (source-breaking changes).
    public var symbols: [String]

    /// Creates a change.
    public init(
        _ impact: Impact, at location: SourceLocation, destination: String?, _ text: String, symbols: [String] = []
    ) {
        self.impact = impact
        self.location = location
        self.destination = destination
        self.text = text
        self.symbols = symbols
    }
}
