/// When an optional member must be present or absent, in terms of another member's value:
/// `requiredWhen: {key: interaction-state, in: [ALERTING, DIALING, STARTED]}`.
public struct FieldCondition: Sendable, Hashable {
    /// What the condition asks of the member it is written on.
    public enum Requirement: String, Sendable, Hashable, CaseIterable {
        /// The member must be present when the condition holds (`requiredWhen`).
        case required = "requiredWhen"
        /// The member must be absent when the condition holds (`absentWhen`).
        case absent = "absentWhen"
    }

    /// Whether the member is required or must be absent when the condition holds.
    public var requirement: Requirement
    /// The deciding member's key, dotted from the top of the body or named type that holds both.
    public var key: String
    /// The deciding member's values for which the condition holds.
    public var values: [String]
    /// Where the condition is written.
    public var location: SourceLocation

    /// Creates a condition.
    public init(requirement: Requirement, key: String, values: [String], location: SourceLocation) {
        self.requirement = requirement
        self.key = key
        self.values = values
        self.location = location
    }

    /// `required when interaction-state is ALERTING, DIALING or STARTED`.
    public var sentence: String {
        let verb = requirement == .required ? "Required" : "Absent"
        return "\(verb) when \(key) is \(Self.alternatives(values))."
    }

    /// `A`, `A or B`, `A, B or C`.
    public static func alternatives(_ values: [String]) -> String {
        guard let last = values.last else { return "" }
        return values.count == 1 ? last : values.dropLast().joined(separator: ", ") + " or " + last
    }
}
