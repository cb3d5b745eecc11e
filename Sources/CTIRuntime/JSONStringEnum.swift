/// An enum of listed string values that stays open: a value the spec does not list decodes to an
/// `unknown` case instead of failing, so a newer bridge does not break an older client.
public protocol JSONStringEnum: JSONCodable, Hashable {
    /// The case for a wire value; unlisted values give the `unknown` case.
    init(rawValue: String)
    /// The wire value.
    var rawValue: String { get }

    /// A value the spec does not list, kept as it was received (the enum's `unknown` case).
    static func unknown(_ rawValue: String) -> Self
}

extension JSONStringEnum {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .string(let text) = json else {
            issues.append(.mismatch("string", json))
            return nil
        }
        // A listed case is taken only for the very same bytes: Swift's String equality would also
        // match a canonically equivalent spelling, which must survive as it was received.
        let value = Self(rawValue: text)
        self = utf8Equal(value.rawValue, text) ? value : .unknown(text)
    }

    @inlinable
    public func json(issues: inout [ValidationIssue]) -> JSONValue { .string(rawValue) }

    public static var jsonPlaceholder: Self { .unknown("") }
}

/// A GUID kept exactly as written; the same form and checks as ``RequestID``.
public typealias GUID = RequestID
