import CTISpec

/// Turns a list of values into an open enum: one case per value (its wire value is in
/// `init(rawValue:)` and `rawValue`) and `unknown(String)` for values the spec does not list.
struct EnumTranslator {
    let access: AccessLevel?

    func declaration(_ name: String, values: [String], doc: SwiftDocComment) -> SwiftDeclaration {
        let cases = values.map { (value: $0, name: SwiftNaming.propertyName($0)) }
        var members: [SwiftDeclaration] = cases.isEmpty ? [] : [.enumCases(cases.map(\.name))]
        members.append(
            .enumCase(
                name: "unknown", associatedTypes: [.standard("String")],
                doc: SwiftDocComment(["A value the spec does not list, kept as it was received."])))
        let fromRaw = cases.map { value, caseName in
            SwiftSwitchCase([.string(value)], [.assign(.identifier("self"), .dotMember(caseName))])
        } + [SwiftSwitchCase([], [.assign(.identifier("self"), .call(.dotMember("unknown"), [.init(nil, .identifier("rawValue"))]))])]
        members.append(
            .function(
                SwiftFunction(
                    "init", access: access, parameters: [.init("rawValue", .standard("String"))],
                    body: [.switch(.identifier("rawValue"), cases: fromRaw)])))
        let toRaw = cases.map { value, caseName in SwiftValueCase([.pattern(caseName, bindings: [])], .string(value)) }
            + [SwiftValueCase([.pattern("unknown", bindings: ["value"])], .identifier("value"))]
        members.append(
            .property(
                SwiftProperty(
                    "rawValue", type: .standard("String"), access: access,
                    getter: [.return(.switchValue(.identifier("self"), cases: toRaw))])))
        return .type(SwiftTypeDeclaration(.enum, name, access: access, conformances: ["CTIRuntime.JSONStringEnum"], doc: doc, members: members))
    }
}
