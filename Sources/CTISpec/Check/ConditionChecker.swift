/// Checks `requiredWhen` and `absentWhen`: each is written on an optional member and decided by an
/// enum member of the same object tree, with values the enum lists.
///
/// A condition's object tree is the body, response body, named object type, or array or map element
/// object that holds the member, with the plain objects nested in it: that is where the deciding key
/// is looked up, dotted from the top.
struct ConditionChecker {
    let destination: Destination

    /// Checks the conditions in `fields`, the top of an object tree, and in every tree below it.
    func check(root fields: [Field], into log: inout DiagnosticLog) {
        let members = Self.members(of: fields)
        for (path, field) in members {
            for condition in field.conditions {
                check(condition, on: field, path: path, members: members, into: &log)
            }
        }
        for element in Self.elementObjects(in: fields) {
            check(root: element, into: &log)
        }
    }

    private func check(
        _ condition: FieldCondition, on field: Field, path: String, members: [(String, Field)], into log: inout DiagnosticLog
    ) {
        let what = "'\(condition.requirement.rawValue)' of '\(path)'"
        if field.isRequired {
            log.error(
                "\(what): '\(path)' is always required, so a condition cannot say when; add 'required: false'",
                at: condition.location)
        }
        guard let decider = members.first(where: { $0.0 == condition.key })?.1 else {
            log.error(
                "\(what) is decided by '\(condition.key)', which is not a member of this object or the objects in it\(Suggestions.didYouMean(condition.key, in: members.map(\.0)))",
                at: condition.location)
            return
        }
        guard condition.key != path else {
            log.error("\(what) is decided by the member itself; name another member", at: condition.location)
            return
        }
        guard case .enumeration(let values) = destination.resolved(decider.type) else {
            log.error(
                "\(what) is decided by '\(condition.key)', which is a \(decider.type.keyword), not an enum; a condition tests an enum's values",
                at: condition.location)
            return
        }
        for value in condition.values where !values.contains(value) {
            log.error(
                "\(what) tests for '\(value)', which is not a value of '\(condition.key)' (\(values.joined(separator: ", ")))\(Suggestions.didYouMean(value, in: values))",
                at: condition.location)
        }
    }

    /// Every member of the tree, dotted from its top, through plain nested objects.
    static func members(of fields: [Field], prefix: String = "") -> [(String, Field)] {
        fields.flatMap { field -> [(String, Field)] in
            let path = prefix + field.memberName
            guard case .object(let nested) = field.type else { return [(path, field)] }
            return [(path, field)] + members(of: nested, prefix: path + ".")
        }
    }

    /// The objects that start trees of their own below `fields`: array and map elements.
    private static func elementObjects(in fields: [Field]) -> [[Field]] {
        fields.flatMap { field -> [[Field]] in
            switch field.type {
            case .object(let nested): elementObjects(in: nested)
            case .array, .map:
                if case .object(let element) = field.type.innermostElement { [element] } else { [] }
            default: []
            }
        }
    }
}
