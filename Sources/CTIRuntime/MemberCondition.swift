/// A member that must be present, or absent, when another member has one of some values:
/// `primary` is present when `interaction-state` is ALERTING, DIALING or STARTED.
///
/// Generated objects list theirs in ``CTIObject/memberConditions``; reading and writing check them
/// on the object's JSON, with an issue at the member that names the deciding one.
public struct MemberCondition: Sendable, Hashable {
    /// What the condition asks of the member.
    public enum Requirement: Sendable, Hashable {
        /// The member must be present.
        case required
        /// The member must be absent.
        case absent
    }

    /// The member's path inside the object (`conversations.primary` as `["conversations", "primary"]`).
    public let member: [String]
    /// The deciding member's path inside the object.
    public let decider: [String]
    /// The deciding member's values for which the condition holds.
    public let values: Set<String>
    /// Whether the member is required or must be absent when the condition holds.
    public let requirement: Requirement
    private let valuesText: String

    /// A condition; `member` and `decider` are dotted paths (`conversations.primary`).
    public init(_ member: String, _ requirement: Requirement, when decider: String, in values: [String]) {
        self.member = member.split(separator: ".").map(String.init)
        self.decider = decider.split(separator: ".").map(String.init)
        self.values = Set(values)
        self.requirement = requirement
        self.valuesText = values.count <= 1
            ? values.joined() : values.dropLast().joined(separator: ", ") + " or " + values[values.count - 1]
    }

    /// `member` must be present when `decider` is one of `values`.
    public static func required(_ member: String, when decider: String, in values: [String]) -> Self {
        Self(member, .required, when: decider, in: values)
    }

    /// `member` must be absent when `decider` is one of `values`.
    public static func absent(_ member: String, when decider: String, in values: [String]) -> Self {
        Self(member, .absent, when: decider, in: values)
    }

    /// An issue at the member when `object` breaks the condition.
    @usableFromInline
    func check(_ object: JSONObject, issues: inout [ValidationIssue]) {
        guard case .string(let value)? = Self.value(at: decider[...], in: object), values.contains(value) else { return }
        let isPresent = Self.value(at: member[...], in: object) != nil
        switch requirement {
        case .required where !isPresent:
            issues.append(issue("required when \(deciderName) is \(valuesText), and it is \(ValidationIssue.quoted(value))"))
        case .absent where isPresent:
            issues.append(issue("must be absent when \(deciderName) is \(valuesText), and it is \(ValidationIssue.quoted(value))"))
        default: break
        }
    }

    private var deciderName: String { decider.joined(separator: ".") }

    private func issue(_ message: String) -> ValidationIssue {
        ValidationIssue(path: member.map(ValidationIssue.PathComponent.key), message: message)
    }

    /// The value at `path`, through nested objects; nil when a step is missing or not an object.
    private static func value(at path: ArraySlice<String>, in object: JSONObject) -> JSONValue? {
        guard let key = path.first, let value = object[key] else { return nil }
        if path.count == 1 { return value == .null ? nil : value }
        guard case .object(let nested) = value else { return nil }
        return Self.value(at: path.dropFirst(), in: nested)
    }
}

extension Array where Element == MemberCondition {
    /// An issue for each condition `object` breaks.
    @usableFromInline
    func check(_ object: JSONObject, issues: inout [ValidationIssue]) {
        for condition in self { condition.check(object, issues: &issues) }
    }
}
