/// An enum of listed string values that stays open: a value the spec does not list decodes to an
/// `unknown` case instead of failing, so a newer bridge does not break an older client.
public protocol JSONStringEnum: JSONCodable, Hashable {
    /// The case for a wire value; unlisted values give the `unknown` case.
    init(rawValue: String)
    /// The wire value.
    var rawValue: String { get }
}

extension JSONStringEnum {
    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .string(let text) = json else {
            issues.append(JSONField.mismatch("string", json))
            return nil
        }
        self.init(rawValue: text)
    }

    @inlinable
    public var json: JSONValue { .string(rawValue) }
}

extension JSONField {
    /// Reads a string that must equal `expected` (a constant such as `header.type`).
    @inlinable
    public static func readConstant(
        _ value: JSONValue, equals expected: String, at key: String, issues: inout [ValidationIssue]
    ) -> String? {
        guard case .string(let text) = value else {
            issues.append(mismatch("'\(expected)'", value).prefixed(by: .key(key)))
            return nil
        }
        guard text == expected else {
            issues.append(ValidationIssue(path: [.key(key)], message: "expected '\(expected)', found '\(text)'"))
            return nil
        }
        return text
    }
}

/// A GUID kept exactly as written; the same form and checks as ``RequestID``.
public typealias GUID = RequestID
