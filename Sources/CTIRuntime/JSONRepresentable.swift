/// A value that reads itself from a JSON value, reporting every problem with its path, and
/// writes itself back. Generated objects and enums conform, as do the scalar types, arrays and
/// ``JSONMap``s of conforming types.
public protocol JSONRepresentable: Sendable {
    /// Reads a value. On a problem, appends issues (with paths relative to this value) and returns
    /// nil; a container keeps reading its other members so every problem is reported.
    init?(json: JSONValue, issues: inout [ValidationIssue])

    /// The value as JSON. Appends an issue for every part a reader would refuse (a GUID that is not
    /// in GUID form, a number JSON cannot hold, a constant with another value); the JSON is written
    /// all the same, so the caller decides.
    func json(issues: inout [ValidationIssue]) -> JSONValue

    /// A value that stands in for a member that could not be read, so that reading the rest of its
    /// object goes on and reports every problem. A value holding one is never handed out: the object
    /// it is in is thrown away (see ``JSONObjectReader``).
    static var jsonPlaceholder: Self { get }
}

extension JSONRepresentable {
    /// Reads a value, throwing every problem at once.
    public init(validating json: JSONValue) throws(ValidationError) {
        var issues: [ValidationIssue] = []
        guard let value = Self(json: json, issues: &issues), issues.isEmpty else {
            throw ValidationError(issues: issues)
        }
        self = value
    }

    /// Reads a value from JSON text (a spec's example), throwing a ``JSONParseError`` when the text is
    /// not JSON and a ``ValidationError`` when it does not hold a valid value.
    public init(jsonText text: String) throws {
        try self.init(validating: JSONParser().parse(text))
    }

    /// The value as JSON, unchecked (see ``json(issues:)``).
    @inlinable
    public var json: JSONValue {
        var unchecked: [ValidationIssue] = []
        return json(issues: &unchecked)
    }
}

extension String: JSONRepresentable {
    public static var jsonPlaceholder: String { "" }

    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .string(let value) = json else {
            issues.append(.mismatch("string", json))
            return nil
        }
        self = value
    }

    @inlinable
    public func json(issues: inout [ValidationIssue]) -> JSONValue { .string(self) }
}

extension Bool: JSONRepresentable {
    public static var jsonPlaceholder: Bool { false }

    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .bool(let value) = json else {
            issues.append(.mismatch("boolean", json))
            return nil
        }
        self = value
    }

    @inlinable
    public func json(issues: inout [ValidationIssue]) -> JSONValue { .bool(self) }
}

extension Int: JSONRepresentable {
    public static var jsonPlaceholder: Int { 0 }

    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .number(let number) = json, let value = number.intValue else {
            issues.append(.mismatch("integer", json))
            return nil
        }
        self = value
    }

    @inlinable
    public func json(issues: inout [ValidationIssue]) -> JSONValue { .number(JSONNumber(self)) }
}

extension Double: JSONRepresentable {
    public static var jsonPlaceholder: Double { 0 }

    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .number(let number) = json, let value = number.doubleValue else {
            issues.append(.mismatch("number", json))
            return nil
        }
        self = value
    }

    /// The number as JSON; a non-finite value, which JSON cannot hold, is written as `null` with an issue.
    @inlinable
    public func json(issues: inout [ValidationIssue]) -> JSONValue {
        guard let number = JSONNumber(self) else {
            issues.append(ValidationIssue(path: [], message: "\(self) is not a number JSON can hold"))
            return .null
        }
        return .number(number)
    }
}

extension JSONValue: JSONRepresentable {
    public static var jsonPlaceholder: JSONValue { .null }

    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        self = json
    }

    @inlinable
    public func json(issues: inout [ValidationIssue]) -> JSONValue { self }
}

extension RequestID: JSONRepresentable {
    public static var jsonPlaceholder: RequestID { RequestID(unchecked: "") }

    @inlinable
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .string(let text) = json else {
            issues.append(.mismatch("GUID string", json))
            return nil
        }
        guard let value = RequestID(rawValue: text) else {
            issues.append(ValidationIssue(path: [], message: RequestID.notAGUID(text)))
            return nil
        }
        self = value
    }

    /// The id's text; one created with ``init(unchecked:)`` that is not a GUID gets an issue.
    @inlinable
    public func json(issues: inout [ValidationIssue]) -> JSONValue {
        if !isGUID { issues.append(ValidationIssue(path: [], message: RequestID.notAGUID(rawValue))) }
        return .string(rawValue)
    }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
    public static var jsonPlaceholder: Array { [] }

    @inlinable @inline(never)
    public init?(json: JSONValue, issues: inout [ValidationIssue]) {
        guard case .array(let items) = json else {
            issues.append(.mismatch("array", json))
            return nil
        }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        var failed = false
        for (index, item) in items.enumerated() {
            let start = issues.count
            if let element = Element(json: item, issues: &issues), issues.count == start {
                result.append(element)
            } else {
                failed = true
                issues.prefix(from: start, with: .index(index))
            }
        }
        guard !failed else { return nil }
        self = result
    }

    @inlinable @inline(never)
    public func json(issues: inout [ValidationIssue]) -> JSONValue {
        var items: [JSONValue] = []
        items.reserveCapacity(count)
        // By index, so each element is written where it is stored rather than copied out first.
        for index in indices {
            items.append(issues.filing(under: .index(index)) { self[index].json(issues: &$0) })
        }
        return .array(items)
    }
}

extension ValidationIssue {
    /// `expected X, found Y`, about the value being read.
    @inlinable
    public static func mismatch(_ expected: String, _ found: JSONValue) -> ValidationIssue {
        ValidationIssue(path: [], message: "expected \(expected), found \(found.kindDescription)")
    }
}

extension Array where Element == ValidationIssue {
    /// Puts `component` in front of the path of every issue from `start` on: the issues a member or
    /// element added, filed under it.
    @inlinable
    public mutating func prefix(from start: Int, with component: ValidationIssue.PathComponent) {
        guard start < count else { return }
        for index in start..<count { self[index] = self[index].prefixed(by: component) }
    }

    /// Runs `body`, which appends the issues of one member or element, and files what it appended
    /// under `component` (made only when there is something to file).
    @inlinable
    public mutating func filing<Result>(
        under component: @autoclosure () -> ValidationIssue.PathComponent, _ body: (inout Self) -> Result
    ) -> Result {
        let start = count
        let result = body(&self)
        if count > start { prefix(from: start, with: component()) }
        return result
    }
}
