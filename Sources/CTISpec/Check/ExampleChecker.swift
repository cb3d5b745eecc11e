import CTIRuntime

/// Checks an example body against the fields it illustrates, so examples in the spec (which become
/// round-trip tests of the generated code) cannot drift from the tables.
struct ExampleChecker {
    /// Whether members the fields do not define are reported (in an example) or allowed (in what a peer
    /// sends, whose unknown members the protocol keeps).
    var reportsUnknownMembers = true

    static func check(
        _ value: SpecValue, against fields: [Field], path: String, at location: SourceLocation,
        in destination: Destination, into log: inout DiagnosticLog
    ) {
        ExampleChecker().check(value, against: fields, path: path, at: location, in: destination, into: &log)
    }

    func check(
        _ value: SpecValue, against fields: [Field], path: String, at location: SourceLocation,
        in destination: Destination, into log: inout DiagnosticLog
    ) {
        guard case .object(let members) = value else {
            log.error("\(path) must be an object, found \(value.kindDescription)", at: location)
            return
        }
        var byKey: [String: SpecValue.Member] = [:]
        for member in members { byKey[member.key] = member }
        let known = fields.map(\.key)
        for member in members where reportsUnknownMembers && !known.contains(member.key) {
            log.error(
                "\(path) has the member '\(member.key)', which the body does not define\(Suggestions.didYouMean(member.key, in: known))",
                at: member.location)
        }
        for field in fields {
            guard let member = byKey[field.key] else {
                if field.isRequired {
                    log.error("\(path) lacks the required member '\(field.key)'", at: location)
                }
                continue
            }
            check(member.value, as: field.type, path: "\(path).\(field.key)", at: member.location, in: destination, into: &log)
        }
    }

    /// Checks the `requiredWhen` and `absentWhen` of `fields` and of the plain objects inside them
    /// against an example of their object.
    static func checkConditions(
        _ value: SpecValue, of fields: [Field], path: String, at location: SourceLocation, into log: inout DiagnosticLog
    ) {
        for (memberPath, field) in ConditionChecker.members(of: fields) {
            for condition in field.conditions {
                guard case .string(let decided)? = value.member(atPath: condition.key), condition.values.contains(decided) else { continue }
                let isPresent = value.member(atPath: memberPath).map { $0 != .null } ?? false
                let when = "when \(condition.key) is \(FieldCondition.alternatives(condition.values)), and it is '\(decided)'"
                if condition.requirement == .required, !isPresent {
                    log.error("\(path) lacks '\(memberPath)', which is required \(when)", at: location)
                } else if condition.requirement == .absent, isPresent {
                    log.error("\(path) has '\(memberPath)', which must be absent \(when)", at: location)
                }
            }
        }
    }

    /// The conditions of an array or map element, or a named type's value, when it is an object: a tree
    /// of its own, whose deciding keys are looked up from its top.
    private func checkElementConditions(
        _ value: SpecValue, as type: FieldType, path: String, at location: SourceLocation, in destination: Destination,
        into log: inout DiagnosticLog
    ) {
        guard case .object(let fields) = type else { return }
        Self.checkConditions(value, of: fields, path: path, at: location, into: &log)
    }

    private func check(
        _ value: SpecValue, as type: FieldType, path: String, at location: SourceLocation, in destination: Destination,
        into log: inout DiagnosticLog
    ) {
        func mismatch(_ expected: String) {
            log.error("\(path): expected \(expected), found \(value.kindDescription)", at: location)
        }
        switch (type, value) {
        case (.reference(let name), _):
            // An undefined name is the checker's to report; an example cannot be checked against it.
            if let named = destination.namedType(name) {
                check(value, as: named.type, path: path, at: location, in: destination, into: &log)
                // A named object is a tree of its own: its conditions are decided inside it.
                checkElementConditions(value, as: named.type, path: path, at: location, in: destination, into: &log)
            }
        case (.string, .string), (.boolean, .bool), (.integer, .integer), (.number, .integer), (.number, .number),
            (.json, _), (.wireType, .string), (.messageName, .string):
            break
        case (.guid, .string(let text)):
            if !RequestID.isGUID(text) { log.error("\(path): \(RequestID.notAGUID(text))", at: location) }
        case (.enumeration(let values), .string(let text)):
            if !values.contains(text) {
                log.error("\(path): '\(text)' is not one of \(values.joined(separator: ", "))", at: location)
            }
        case (.constant(let expected), .string(let text)):
            if text != expected { log.error("\(path): expected '\(expected)', found '\(text)'", at: location) }
        case (.object(let fields), .object):
            check(value, against: fields, path: path, at: location, in: destination, into: &log)
        case (.array(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                let itemPath = "\(path)[\(index)]"
                check(item, as: element, path: itemPath, at: location, in: destination, into: &log)
                checkElementConditions(item, as: element, path: itemPath, at: location, in: destination, into: &log)
            }
        case (.map(let element), .object(let members)):
            for member in members {
                let memberPath = "\(path).\(member.key)"
                check(member.value, as: element, path: memberPath, at: member.location, in: destination, into: &log)
                checkElementConditions(member.value, as: element, path: memberPath, at: member.location, in: destination, into: &log)
            }
        case (.string, _), (.guid, _), (.enumeration, _), (.constant, _), (.wireType, _), (.messageName, _):
            mismatch("string")
        case (.boolean, _): mismatch("boolean")
        case (.integer, _): mismatch("integer")
        case (.number, _): mismatch("number")
        case (.object, _), (.map, _): mismatch("object")
        case (.array, _): mismatch("array")
        }
    }
}

extension Body {
    /// What is wrong with `example` as an example of this body, as the checker words it: nothing when it
    /// is one. A spec diff asks this of the old side's examples against the new side's bodies, and
    /// `cti-bridge` of the bodies a client sends (with `path` `body`).
    public func problems(
        ofExample example: SpecValue, path: String = "example", at location: SourceLocation, in destination: Destination
    ) -> [Diagnostic] {
        var log = DiagnosticLog()
        ExampleChecker.check(example, against: fields, path: path, at: location, in: destination, into: &log)
        ExampleChecker.checkConditions(example, of: fields, path: path, at: location, into: &log)
        return log.diagnostics
    }

    /// What is wrong with `value`, a body (or header) a peer sent, as the checker words it: like
    /// ``problems(ofExample:path:at:in:)``, except that members the body does not define are allowed,
    /// since the protocol keeps them.
    public func problems(ofReceived value: SpecValue, path: String, in destination: Destination) -> [String] {
        var log = DiagnosticLog()
        let location = SourceLocation(file: "", line: 1, column: 1)
        ExampleChecker(reportsUnknownMembers: false).check(value, against: fields, path: path, at: location, in: destination, into: &log)
        ExampleChecker.checkConditions(value, of: fields, path: path, at: location, into: &log)
        return log.diagnostics.map(\.message)
    }
}
