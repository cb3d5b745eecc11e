import CTICodegen
import CTISpec
import Foundation
import Testing

/// Variant files and conditional members: a valid pair loads joined, and each mistake gives one
/// exact, located diagnostic.
@Suite struct VariantSpecTests {
    /// A variant of TestSupport's destination: it extends the init query's response with a member and a
    /// conditional one, and has an event of its own.
    static let variantYAML = """
        destination: dest
        variant: special
        title: Special Destination
        summary: A special kind of dest.
        extends:
          - message: dest.query.init
            response:
              body:
                - {key: level, type: enum, values: [LOW, HIGH], notes: How special.}
                - key: reason
                  type: string
                  required: false
                  notes: Why.
                  requiredWhen: {key: level, in: [HIGH]}
        messages:
          - name: dest.thing.removed
            kind: event
            summary: A thing was removed.
            header:
              - {key: type, notes: t}
              - {key: name, notes: n}
              - {key: target, notes: t}
            body: []

        """

    static func load(base: String = TestSupport.destinationYAML, variant: String = variantYAML) -> LoadResult {
        SpecLoader.forSwift().load(files: [
            ("protocol.yaml", TestSupport.protocolYAML), ("dest.yaml", base), ("special.yaml", variant),
        ])
    }

    @Test func aVariantIsJoinedToItsDestination() throws {
        let result = Self.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let spec = try #require(result.spec)
        let variant = try #require(spec.destinations.first { $0.variant != nil })
        #expect(variant.name == "dest")
        #expect(variant.displayName == "dest (special)")
        #expect(variant.initQuery?.name == "dest.query.init")
        #expect(variant.messages.map(\.displayName) == ["dest.query.init", "dest.thing.removed"])
        #expect(variant.messages[0].response?.body.fields.map(\.key) == ["level", "reason"])
        #expect(variant.messages[0].body.fields.map(\.key) == ["chat"])
        #expect(variant.messages[0].response?.body.fields[1].conditions == [
            FieldCondition(requirement: .required, key: "level", values: ["HIGH"], location: variant.messages[0].response!.body.fields[1].conditions[0].location)
        ])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// `true`: the replacement is made in the variant file, otherwise in the destination's.
        var inVariant = true
        var replace: String
        var with: String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a variant of no destination", replace: "destination: dest", with: "destination: dset",
            expected: "special.yaml:1:1: error: the variant 'special' belongs to the destination 'dset', which no spec file defines; did you mean 'dest'?"),
        Case(
            name: "a variant name that is not lower-case", replace: "variant: special", with: "variant: Special",
            expected: "special.yaml:2:10: error: the variant's name must be lower-case ASCII letters and digits, starting with a letter (telephony), found 'Special'"),
        Case(
            name: "a variant called generic", replace: "variant: special", with: "variant: generic",
            expected: "special.yaml:2:10: error: the variant cannot be called 'generic': that names the destination itself; use the kind's own name (telephony)"),
        Case(
            name: "extending a message the destination does not have", replace: "- message: dest.query.init",
            with: "- message: dest.query.inti",
            expected: "special.yaml:6:14: error: 'dest.query.inti' is not a message of the destination 'dest' (dest.yaml); did you mean 'dest.query.init'?"),
        Case(
            name: "refusing the init query", replace: "messages:\n",
            with: "refuses:\n  - {message: dest.query.init, reason: No.}\nmessages:\n",
            expected: "special.yaml:16:15: error: 'dest.query.init' is already extended or refused at special.yaml:6:14; a variant changes a message once"),
        Case(
            name: "refusing an event", replace: "messages:\n",
            with: "refuses:\n  - {message: dest.thing.added, reason: No.}\nmessages:\n",
            expected: "special.yaml:16:15: error: 'dest.thing.added' is not a query or request, so it is not answered; only those can be refused"),
        Case(
            name: "a refusal without a reason", replace: "messages:\n",
            with: "refuses:\n  - {message: dest.thing.added, reason: ''}\nmessages:\n",
            expected: "special.yaml:16:5: error: the reason for refusing 'dest.thing.added' is empty; it is the FAILURE's errorMessage"),
        Case(
            name: "adding a member the message has", replace: "{key: level, type: enum, values: [LOW, HIGH], notes: How special.}",
            with: "{key: level, type: enum, values: [LOW, HIGH], notes: How special.}\n        - {key: level, type: string, notes: Again.}",
            expected: "special.yaml:10:11: error: the key 'level' is defined twice in this body"),
        Case(
            name: "adding a member the destination's message has", replace: "    response:\n",
            with: "    body:\n      - {key: chat, type: string, notes: Again.}\n    response:\n",
            expected: "special.yaml:8:9: error: 'chat' is already a member of the body of 'dest.query.init' (dest.yaml:15:9); a variant adds members"),
        Case(
            name: "withholding a member the response does not have", replace: "      body:\n        - {key: level",
            with: "      absent: [levle]\n      body:\n        - {key: level",
            expected: "special.yaml:8:16: error: 'levle' is not a member of the response to 'dest.query.init'"),
        Case(
            name: "defining a message of the destination again", replace: "- name: dest.thing.removed", with: "- name: dest.thing.added",
            expected: "special.yaml:16:5: error: the message 'dest.thing.added' is already a message of 'dest' (dest.yaml:27:5); change it under 'extends:', or refuse it under 'refuses:'"),
        Case(
            name: "extends in a destination file", inVariant: false, replace: "initQuery: dest.query.init\n",
            with: "initQuery: dest.query.init\nrefuses: []\n",
            expected: "dest.yaml:5:10: error: 'refuses' belongs in a variant file; add 'variant:' with the variant's name"),
        Case(
            name: "a condition on a required member", replace: "          required: false\n", with: "",
            expected: "special.yaml:13:25: error: 'requiredWhen' of 'reason': 'reason' is always required, so a condition cannot say when; add 'required: false'"),
        Case(
            name: "a condition decided by an unknown member", replace: "{key: level, in: [HIGH]}", with: "{key: levl, in: [HIGH]}",
            expected: "special.yaml:14:25: error: 'requiredWhen' of 'reason' is decided by 'levl', which is not a member of this object or the objects in it; did you mean 'level'?"),
        Case(
            name: "a condition decided by a string", replace: "{key: level, in: [HIGH]}", with: "{key: reason, in: [HIGH]}",
            expected: "special.yaml:14:25: error: 'requiredWhen' of 'reason' is decided by the member itself; name another member"),
        Case(
            name: "a condition decided by a member that is no enum",
            replace: "{key: level, type: enum, values: [LOW, HIGH], notes: How special.}", with: "{key: level, type: string, notes: How special.}",
            expected: "special.yaml:14:25: error: 'requiredWhen' of 'reason' is decided by 'level', which is a string, not an enum; a condition tests an enum's values"),
        Case(
            name: "a named type called Variant in a destination with variants", inVariant: false, replace: "messages:\n",
            with: "types:\n  - {name: Variant, summary: s, type: enum, values: [A]}\nmessages:\n",
            expected: "dest.yaml:6:5: error: the type 'Variant' becomes the Swift type 'Variant', which the destination declares for the kinds of dest it has; rename it"),
        Case(
            name: "a condition testing an unknown value", replace: "{key: level, in: [HIGH]}", with: "{key: level, in: [HIHG]}",
            expected: "special.yaml:14:25: error: 'requiredWhen' of 'reason' tests for 'HIHG', which is not a value of 'level' (LOW, HIGH); did you mean 'HIGH'?"),
        Case(
            name: "a condition with no values", replace: "{key: level, in: [HIGH]}", with: "{key: level, in: []}",
            expected: "special.yaml:14:25: error: 'requiredWhen' of the field 'reason' lists no values in 'in'; add the values for which it holds"),
        Case(
            name: "an example that breaks a condition", replace: "          requiredWhen: {key: level, in: [HIGH]}\n",
            with: "          requiredWhen: {key: level, in: [HIGH]}\n      example: {level: HIGH}\n",
            expected: "special.yaml:15:16: error: example lacks 'reason', which is required when level is HIGH, and it is 'HIGH'"),
    ]

    @Test func aWithheldMemberLeavesTheDestinationsExampleWithoutIt() throws {
        let base = TestSupport.destinationYAML.replacingOccurrences(
            of: "      body: []\n  - name: dest.thing.added",
            with: "      body:\n        - {key: note, type: string, required: false, notes: A note.}\n      bodyFrom: example\n      example: {note: hi}\n  - name: dest.thing.added")
        #expect(base != TestSupport.destinationYAML)
        let variant = [
            "destination: dest", "variant: quiet", "title: Quiet", "summary: Says less.", "extends:",
            "  - message: dest.query.init", "    response:", "      absent: [note]", "",
        ].joined(separator: "\n")
        let result = Self.load(base: base, variant: variant)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let joined = try #require(result.spec?.destinations.first { $0.variant != nil }?.messages.first?.response?.body)
        #expect(joined.fields.isEmpty)
        #expect(joined.source == .example)
        #expect(joined.example == .object([]))
    }

    @Test func aConditionInsideAnArrayElementIsCheckedInTheExample() {
        let base = TestSupport.destinationYAML.replacingOccurrences(
            of: "      - {key: id, type: string, notes: The thing}",
            with: [
                "      - {key: id, type: string, notes: The thing}",
                "      - key: parts",
                "        type: array",
                "        notes: Its parts.",
                "        items:",
                "          type: object",
                "          properties:",
                "            - {key: state, type: enum, values: [UP, DOWN], notes: s}",
                "            - {key: why, type: string, required: false, notes: w, requiredWhen: {key: state, in: [DOWN]}}",
                "    example: {id: a, parts: [{state: UP}, {state: DOWN}]}",
            ].joined(separator: "\n"))
        let result = SpecLoader.forSwift().load(files: [("protocol.yaml", TestSupport.protocolYAML), ("dest.yaml", base)])
        let lines = result.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasSuffix("error: example.parts[1] lacks 'why', which is required when state is DOWN, and it is 'DOWN'") }, "\(lines)")
        #expect(lines.count == 1, "\(lines)")
    }

    @Test func aVariantsMessageCannotTakeAnotherDestinationsName() {
        let other = TestSupport.destinationYAML
            .replacingOccurrences(of: "destination: dest", with: "destination: other")
            .replacingOccurrences(of: "dest.query.init", with: "other.query.init")
            .replacingOccurrences(of: "dest.thing.added", with: "dest.thing.removed")
        let result = SpecLoader.forSwift().load(files: [
            ("protocol.yaml", TestSupport.protocolYAML), ("dest.yaml", TestSupport.destinationYAML), ("other.yaml", other),
            ("special.yaml", Self.variantYAML),
        ])
        let lines = result.diagnostics.map(\.description)
        #expect(
            lines.contains(
                "special.yaml:16:5: error: the message 'dest.thing.removed' is already a message of the destination 'other' (other.yaml:27:5); a name belongs to one destination"
            ), "\(lines)")
    }

    @Test(arguments: cases)
    func aMistakeGivesALocatedDiagnostic(_ testCase: Case) {
        let original = testCase.inVariant ? Self.variantYAML : TestSupport.destinationYAML
        #expect(original.contains(testCase.replace), "the case's text to replace is not in the spec")
        let broken = original.replacingOccurrences(of: testCase.replace, with: testCase.with)
        let result = testCase.inVariant ? Self.load(variant: broken) : Self.load(base: broken)
        let lines = result.diagnostics.map(\.description)
        #expect(result.spec == nil)
        #expect(lines.contains(testCase.expected), "got:\n\(lines.joined(separator: "\n"))")
    }
}
