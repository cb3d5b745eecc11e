import CTISpec

/// Renders the structured Swift model as formatted source text: 4-space indentation, one
/// declaration per block, deterministic bytes for the same model.
public struct TextRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The source text of a file.
    public func render(_ file: SwiftFile) -> String {
        var writer = Writer()
        for line in file.headerComment { writer.line(line.isEmpty ? "//" : "// " + sanitizedCommentText(line)) }
        if !file.headerComment.isEmpty { writer.blank() }
        for module in file.imports {
            writer.line(module.hasPrefix("@testable ") ? "@testable import \(module.dropFirst("@testable ".count))" : "import \(module)")
        }
        if !file.imports.isEmpty { writer.blank() }
        render(file.declarations, into: &writer)
        return writer.text
    }

    // MARK: Declarations

    private func render(_ declarations: [SwiftDeclaration], into writer: inout Writer) {
        for (index, declaration) in declarations.enumerated() {
            if index > 0, !(isCompact(declarations[index - 1]) && isCompact(declaration)) { writer.blank() }
            render(declaration, into: &writer)
        }
    }

    /// Enum cases and undocumented stored properties sit on consecutive lines.
    private func isCompact(_ declaration: SwiftDeclaration) -> Bool {
        switch declaration {
        case .enumCase(_, _, _, let doc): doc.paragraphs.isEmpty
        case .property(let property): property.doc.paragraphs.isEmpty && property.getter == nil
        default: false
        }
    }

    private func render(_ declaration: SwiftDeclaration, into writer: inout Writer) {
        switch declaration {
        case .type(let type):
            render(type, into: &writer)
        case .property(let property):
            render(property, into: &writer)
        case .function(let function):
            render(function, into: &writer)
        case .enumCase(let name, let associated, let rawValue, let doc):
            render(doc, into: &writer)
            var text = "case \(SwiftNaming.escaped(name))"
            if !associated.isEmpty { text += "(" + associated.map(render).joined(separator: ", ") + ")" }
            if let rawValue { text += " = " + stringLiteral(rawValue) }
            writer.line(text)
        case .typeAlias(let name, let type, let access, let doc):
            render(doc, into: &writer)
            writer.line(prefix(access) + "typealias \(name) = \(render(type))")
        case .mark(let text):
            writer.line("// MARK: - " + sanitizedCommentText(text))
        case .comment(let lines):
            for line in lines { writer.line("// " + sanitizedCommentText(line)) }
        }
    }

    private func render(_ type: SwiftTypeDeclaration, into writer: inout Writer) {
        render(type.doc, into: &writer)
        var head = prefix(type.access) + "\(type.kind.rawValue) \(type.name)"
        if !type.conformances.isEmpty { head += ": " + type.conformances.joined(separator: ", ") }
        if let whereClause = type.whereClause { head += " where \(whereClause)" }
        if type.members.isEmpty {
            writer.line(head + " {}")
            return
        }
        writer.line(head + " {")
        writer.indented { render(type.members, into: &$0) }
        writer.line("}")
    }

    private func render(_ property: SwiftProperty, into writer: inout Writer) {
        render(property.doc, into: &writer)
        var head = prefix(property.access) + (property.isStatic ? "static " : "")
        head += (property.isMutable || property.getter != nil || property.isRequirement ? "var " : "let ")
        head += SwiftNaming.escaped(property.name)
        if let type = property.type { head += ": " + render(type) }
        if property.isRequirement {
            writer.line(head + " { get }")
        } else if let getter = property.getter, let value = singleLineGetterValue(getter), head.count + value.count < 110 {
            // A one-expression getter reads best on one line: `var target: String { header.target }`.
            writer.line(head + " { " + value + " }")
        } else if let getter = property.getter {
            writer.line(head + " {")
            writer.indented { render(getter, into: &$0) }
            writer.line("}")
        } else if let value = property.value {
            writer.line(head + " = " + render(value))
        } else {
            writer.line(head)
        }
    }

    /// The rendered value of a getter that only returns it, when it fits on one line.
    private func singleLineGetterValue(_ getter: [SwiftStatement]) -> String? {
        guard getter.count == 1, case .return(let value?) = getter[0] else { return nil }
        let text = render(value)
        return text.utf8.contains(UInt8(ascii: "\n")) ? nil : text
    }

    private func render(_ function: SwiftFunction, into writer: inout Writer) {
        render(function.doc, into: &writer)
        for attribute in function.attributes { writer.line(attribute) }
        var head = prefix(function.access) + (function.isStatic ? "static " : "") + (function.isMutating ? "mutating " : "")
        head += function.name == "init" || function.name == "init?" ? function.name : "func \(SwiftNaming.escaped(function.name))"
        if !function.genericParameters.isEmpty { head += "<" + function.genericParameters.joined(separator: ", ") + ">" }
        head += "(" + function.parameters.map(render).joined(separator: ", ") + ")"
        if function.isAsync { head += " async" }
        if function.isThrowing { head += function.throwsType.map { " throws(\($0))" } ?? " throws" }
        if let returnType = function.returnType { head += " -> " + render(returnType) }
        guard let body = function.body else {
            writer.line(head)
            return
        }
        if body.isEmpty {
            writer.line(head + " {}")
            return
        }
        writer.line(head + " {")
        writer.indented { render(body, into: &$0) }
        writer.line("}")
    }

    private func render(_ parameter: SwiftFunction.Parameter) -> String {
        var text = parameter.label.flatMap { $0 == parameter.name ? nil : "\($0) " } ?? ""
        text += SwiftNaming.escaped(parameter.name) + ": " + (parameter.isInout ? "inout " : "") + render(parameter.type)
        if let value = parameter.defaultValue { text += " = " + render(value) }
        return text
    }

    private func render(_ doc: SwiftDocComment, into writer: inout Writer) {
        for (index, paragraph) in doc.paragraphs.enumerated() {
            if index > 0 { writer.line("///") }
            for line in paragraph.lines {
                let text = sanitizedCommentText(String(line)).trimmingTrailingSpaces()
                writer.line(text.isEmpty ? "///" : "/// " + text)
            }
        }
    }

    // MARK: Statements

    private func render(_ statements: [SwiftStatement], into writer: inout Writer) {
        for statement in statements { render(statement, into: &writer) }
    }

    private func render(_ statement: SwiftStatement, into writer: inout Writer) {
        switch statement {
        case .let(let name, let type, let value), .var(let name, let type, let value):
            let keyword = if case .let = statement { "let" } else { "var" }
            var text = "\(keyword) \(SwiftNaming.escaped(name))"
            if let type { text += ": " + render(type) }
            if let value { text += " = " + render(value) }
            writer.multiline(text)
        case .assign(let target, let value):
            writer.multiline(render(target) + " = " + render(value))
        case .expression(let expression):
            writer.multiline(render(expression))
        case .return(let value):
            writer.multiline(value.map { "return " + render($0) } ?? "return")
        case .throw(let value):
            writer.multiline("throw " + render(value))
        case .if(let conditions, let then, let otherwise):
            writer.line("if " + conditions.map(render).joined(separator: ", ") + " {")
            writer.indented { render(then, into: &$0) }
            if let otherwise {
                writer.line("} else {")
                writer.indented { render(otherwise, into: &$0) }
            }
            writer.line("}")
        case .guard(let conditions, let otherwise):
            writer.line("guard " + conditions.map(render).joined(separator: ", ") + " else {")
            writer.indented { render(otherwise, into: &$0) }
            writer.line("}")
        case .for(let name, let sequence, let body):
            writer.line("for \(SwiftNaming.escaped(name)) in \(render(sequence)) {")
            writer.indented { render(body, into: &$0) }
            writer.line("}")
        case .switch(let subject, let cases):
            writer.line("switch \(render(subject)) {")
            for switchCase in cases {
                writer.line(
                    switchCase.patterns.isEmpty ? "default:" : "case " + switchCase.patterns.map(render).joined(separator: ", ") + ":")
                writer.indented { writer in
                    if switchCase.body.isEmpty { writer.line("break") } else { render(switchCase.body, into: &writer) }
                }
            }
            writer.line("}")
        case .comment(let text):
            writer.line("// " + sanitizedCommentText(text))
        }
    }

    private func render(_ condition: SwiftCondition) -> String {
        switch condition {
        case .expression(let expression): render(expression)
        case .optionalBinding(let name, let value) where value == .identifier(name): "let \(SwiftNaming.escaped(name))"
        case .optionalBinding(let name, let value): "let \(SwiftNaming.escaped(name)) = \(render(value))"
        case .casePattern(let pattern, let value): "case \(render(pattern)) = \(render(value))"
        }
    }

    // MARK: Expressions and types

    func render(_ expression: SwiftExpression) -> String {
        switch expression {
        case .identifier(let name):
            return name == "Self" || name == "self" ? name : SwiftNaming.escaped(name)
        case .member(let base, let name):
            return render(base) + "." + memberName(name)
        case .dotMember(let name):
            return "." + memberName(name)
        case .call(let callee, let arguments, let closure):
            let list = arguments.map { ($0.label.map { "\($0): " } ?? "") + render($0.value) }.joined(separator: ", ")
            var text = render(callee)
            if !arguments.isEmpty || closure == nil { text += "(\(list))" }
            if let closure { text += " " + render(closure) }
            return text
        case .string(let value):
            return stringLiteral(value)
        case .integer(let value):
            return String(value)
        case .boolean(let value):
            return value ? "true" : "false"
        case .nil:
            return "nil"
        case .array(let elements):
            let items = elements.map(render)
            let inline = "[" + items.joined(separator: ", ") + "]"
            guard inline.count > 100, items.count > 1 else { return inline }
            // A long literal gets one element per line, each indented one level, with a trailing comma.
            var writer = Writer()
            writer.indented { writer in
                for item in items { writer.multiline(item + ",") }
            }
            return "[\n" + writer.text + "]"
        case .try(let inner):
            return "try " + render(inner)
        case .not(let inner):
            return "!" + render(inner)
        case .tryOptional(let inner):
            return "try? " + render(inner)
        case .await(let inner):
            return "await " + render(inner)
        case .binary(let lhs, let op, let rhs):
            return render(lhs) + " \(op) " + render(rhs)
        case .optionalChain(let inner):
            return render(inner) + "?"
        case .inoutArgument(let inner):
            return "&" + render(inner)
        case .closure(let closure):
            return render(closure)
        case .subscript(let base, let index):
            return render(base) + "[" + render(index) + "]"
        case .keyPath(let property):
            return "\\." + memberName(property)
        case .tuple(let elements):
            return "(" + elements.map { ($0.label.map { "\($0): " } ?? "") + render($0.value) }.joined(separator: ", ") + ")"
        case .pattern(let name, let bindings):
            var text = "." + memberName(name)
            if !bindings.isEmpty { text += "(" + bindings.map { "let \(SwiftNaming.escaped($0))" }.joined(separator: ", ") + ")" }
            return text
        }
    }

    private func render(_ closure: SwiftClosure) -> String {
        var writer = Writer()
        let head = closure.parameters.isEmpty ? "{" : "{ " + closure.parameters.joined(separator: ", ") + " in"
        writer.line(head)
        writer.indented { render(closure.body, into: &$0) }
        writer.line("}")
        return String(writer.text.dropLast())
    }

    func render(_ type: SwiftType) -> String {
        switch type {
        case .named(let name): name
        case .optional(.function(let parameters, let isAsync, let result)):
            "(" + render(.function(parameters, isAsync: isAsync, result: result)) + ")?"
        case .optional(let wrapped): render(wrapped) + "?"
        case .array(let element): "[" + render(element) + "]"
        case .dictionary(let key, let value): "[" + render(key) + ": " + render(value) + "]"
        case .opaque(let text): text
        case .function(let parameters, let isAsync, let result):
            "(" + parameters.map(render).joined(separator: ", ") + ")" + (isAsync ? " async" : "") + " -> " + render(result)
        }
    }

    /// After a dot a keyword needs no backticks (`.default`, `.init`, `Type.self`); the checker
    /// rejects the names that would mean something else there (`Type`, `Protocol`).
    private func memberName(_ name: String) -> String {
        name
    }

    private func prefix(_ access: AccessLevel?) -> String {
        access.map { "\($0.rawValue) " } ?? ""
    }

    /// A string literal that holds `value` exactly. Quotes, backslashes, control characters and
    /// every non-ASCII scalar are escaped, so the literal is plain ASCII and nothing can end it early.
    func stringLiteral(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var literal: [UInt8] = [UInt8(ascii: "\"")]
        literal.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": literal += #"\""#.utf8
            case "\\": literal += #"\\"#.utf8
            case "\n": literal += #"\n"#.utf8
            case "\r": literal += #"\r"#.utf8
            case "\t": literal += #"\t"#.utf8
            case " "..."~": literal.append(UInt8(scalar.value))
            default: literal += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".utf8
            }
        }
        literal.append(UInt8(ascii: "\""))
        return String(decoding: literal, as: UTF8.self)
    }

    /// Comment text on one line: control and format characters (including bidirectional overrides)
    /// become spaces, so nothing in a spec note can end the comment or disguise the code around it.
    func sanitizedCommentText(_ text: String) -> String {
        // Printable ASCII has no control or format characters.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let invisible = category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator
            result.unicodeScalars.append(invisible ? " " : scalar)
        }
        return result
    }
}

/// Accumulates indented lines.
private struct Writer {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: some StringProtocol) {
        for _ in 0..<depth { text += "    " }
        text += content
        text += "\n"
    }

    /// A rendered block that may span lines (a trailing closure): each line gets the current indent.
    mutating func multiline(_ content: String) {
        var rest = content[...]
        while let newline = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) {
            line(rest[..<newline])
            rest = rest[rest.utf8.index(after: newline)...]
        }
        line(rest)
    }

    mutating func blank() {
        if !text.hasSuffix("\n\n"), !text.isEmpty, !text.hasSuffix("{\n") { text += "\n" }
    }

    mutating func indented(_ body: (inout Writer) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }
}

extension String {
    /// The lines of a doc comment paragraph: split at every line break, blank lines left out.
    fileprivate var lines: [Substring] {
        // In ASCII text a line break is one of four bytes (`\r\n` splits into an empty line, left out too).
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(whereSeparator: \.isNewline) }
        return utf8.split { (0x0A...0x0D).contains($0) }.map { Substring($0) }
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        // Only text that ends in a space byte can end in a space character.
        guard utf8.last == UInt8(ascii: " ") else { return self }
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
