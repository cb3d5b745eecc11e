import CTISpec

/// Turns a list of values into an open enum: one case per value and `unknown(String)` for values
/// the spec does not list.
struct EnumTranslator {
    let access: AccessLevel?

    func declaration(_ name: String, values: [String], doc: SwiftDocComment) -> SwiftDeclaration {
        let cases = values.map { (value: $0, name: SwiftNaming.propertyName($0)) }
        var members: [SwiftDeclaration] = cases.map { value, caseName in
            .enumCase(name: caseName, associatedTypes: [], rawValue: nil, doc: SwiftDocComment(["`\(value)`"]))
        }
        members.append(
            .enumCase(
                name: "unknown", associatedTypes: [.named("String")], rawValue: nil,
                doc: SwiftDocComment(["A value the spec does not list, kept as it was received."])))
        let fromRaw = cases.map { value, caseName in
            SwiftSwitchCase([.string(value)], [.assign(.identifier("self"), .dotMember(caseName))])
        } + [SwiftSwitchCase([], [.assign(.identifier("self"), .call(.dotMember("unknown"), [.init(nil, .identifier("rawValue"))]))])]
        members.append(
            .function(
                SwiftFunction(
                    "init", access: access, parameters: [.init("rawValue", .named("String"))],
                    body: [.switch(.identifier("rawValue"), cases: fromRaw)],
                    doc: SwiftDocComment(["The case for a wire value; an unlisted value gives ``unknown(_:)``."]))))
        let toRaw = cases.map { value, caseName in
            SwiftSwitchCase([.pattern(caseName, bindings: [])], [.return(.string(value))])
        } + [SwiftSwitchCase([.pattern("unknown", bindings: ["value"])], [.return(.identifier("value"))])]
        members.append(
            .property(
                SwiftProperty(
                    "rawValue", type: .named("String"), access: access, getter: [.switch(.identifier("self"), cases: toRaw)],
                    doc: SwiftDocComment(["The wire value."]))))
        return .type(
            SwiftTypeDeclaration(.enum, name, access: access, conformances: ["JSONStringEnum"], doc: doc, members: members))
    }
}
