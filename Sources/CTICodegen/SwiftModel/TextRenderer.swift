/// Renders the structured Swift model as formatted source text: 4-space indentation, lines of at most
/// ``lineWidth`` columns where the code allows it, deterministic bytes for the same model.
///
/// Layout rules: doc comments are wrapped at the line width; a call or a parameter list with more than
/// three entries, or one that does not fit, has one entry per line; a long array literal has one
/// element per line; a body whose only statement returns a value is written without `return`.
public struct TextRenderer: Sendable {
    /// The column lines are wrapped at.
    public static let lineWidth = 100

    /// Creates a renderer.
    public init() {}

    /// The source text of a file.
    public func render(_ file: SwiftFile) -> String {
        var writer = SourceWriter()
        for line in file.headerComment { writer.line(line.isEmpty ? "//" : "// " + Literals.commentText(line)) }
        if !file.headerComment.isEmpty { writer.blank() }
        for module in file.imports {
            writer.line(module.hasPrefix("@testable ") ? "@testable import \(module.dropFirst("@testable ".count))" : "import \(module)")
        }
        if !file.imports.isEmpty { writer.blank() }
        render(file.declarations, into: &writer)
        return writer.text
    }

    // MARK: Declarations

    private func render(_ declarations: [SwiftDeclaration], into writer: inout SourceWriter) {
        for (index, declaration) in declarations.enumerated() {
            if index > 0, !(isCompact(declarations[index - 1]) && isCompact(declaration)) { writer.blank() }
            render(declaration, into: &writer)
        }
    }

    /// Enum cases and stored properties sit on consecutive lines, documented or not, as a type's list
    /// of members (a property with a multi-line value stands apart).
    private func isCompact(_ declaration: SwiftDeclaration) -> Bool {
        switch declaration {
        case .enumCase, .enumCases: true
        case .property(let property): property.getter == nil && !isMultiline(property.value)
        default: false
        }
    }

    private func isMultiline(_ value: SwiftExpression?) -> Bool {
        if case .rawString = value { return true }
        return false
    }

    private func render(_ declaration: SwiftDeclaration, into writer: inout SourceWriter) {
        switch declaration {
        case .type(let type):
            render(type, into: &writer)
        case .property(let property):
            render(property, into: &writer)
        case .function(let function):
            render(function, into: &writer)
        case .enumCase(let name, let associated, let doc):
            render(doc, into: &writer)
            var text = "case \(SwiftNaming.escaped(name))"
            if !associated.isEmpty { text += "(" + associated.map(render).joined(separator: ", ") + ")" }
            writer.line(text)
        case .enumCases(let names):
            // Filled like text: a continuation line is indented one level.
            var line = "case"
            var continuation = false
            for (index, name) in names.map(SwiftNaming.escaped).enumerated() {
                let item = name + (index < names.count - 1 ? "," : "")
                if line.count + 1 + item.count + writer.column + (continuation ? 4 : 0) > Self.lineWidth, line != "case" {
                    writer.line((continuation ? "    " : "") + line)
                    line = item
                    continuation = true
                } else {
                    line += (line.isEmpty ? "" : " ") + item
                }
            }
            writer.line((continuation ? "    " : "") + line)
        case .typeAlias(let name, let type, let access, let doc):
            render(doc, into: &writer)
            writer.line(prefix(access) + "typealias \(name) = \(render(type))")
        case .mark(let text, let isSection):
            writer.line((isSection ? "// MARK: " : "// MARK: - ") + Literals.commentText(text))
        }
    }

    private func render(_ type: SwiftTypeDeclaration, into writer: inout SourceWriter) {
        render(type.doc, into: &writer)
        var head = prefix(type.access) + "\(type.kind.rawValue) \(type.name)"
        if !type.genericParameters.isEmpty { head += "<" + type.genericParameters.joined(separator: ", ") + ">" }
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

    private func render(_ property: SwiftProperty, into writer: inout SourceWriter) {
        render(property.doc, into: &writer)
        var head = prefix(property.access) + (property.isStatic ? "static " : "")
        head += (property.isMutable || property.getter != nil ? "var " : "let ")
        head += SwiftNaming.escaped(property.name)
        if let type = property.type { head += ": " + render(type) }
        if let getter = property.getter {
            renderBody(head, getter, into: &writer)
        } else if let value = property.value {
            writer.lines(head + " = " + render(value, writer, column: head.count + 3))
        } else {
            writer.line(head)
        }
    }

    private func render(_ function: SwiftFunction, into writer: inout SourceWriter) {
        render(function.doc, into: &writer)
        for attribute in function.attributes { writer.line(attribute) }
        var head = prefix(function.access) + (function.isStatic ? "static " : "")
        head += function.name == "init" || function.name == "init?" ? function.name : "func \(SwiftNaming.escaped(function.name))"
        if !function.genericParameters.isEmpty { head += "<" + function.genericParameters.joined(separator: ", ") + ">" }
        var tail = function.isAsync ? " async" : ""
        if function.isThrowing { tail += " throws" }
        if let returnType = function.returnType { tail += " -> " + render(returnType) }
        let parameters = function.parameters.map(render)
        let inline = head + "(" + parameters.joined(separator: ", ") + ")" + tail
        var signature: String
        if parameters.count <= 3, writer.column + inline.count + 2 <= Self.lineWidth {
            signature = inline
        } else {
            let inner = String(repeating: " ", count: writer.column + 4)
            signature = head + "(\n" + parameters.map { inner + $0 }.joined(separator: ",\n") + "\n"
                + String(repeating: " ", count: writer.column) + ")" + tail
        }
        guard let body = function.body else {
            writer.lines(signature)
            return
        }
        renderBody(signature, body, into: &writer)
    }

    /// `head { body }`: on one line when the body is one short statement, otherwise a block. A body that
    /// only returns a value leaves out `return`.
    private func renderBody(_ head: String, _ body: [SwiftStatement], into writer: inout SourceWriter) {
        if body.isEmpty {
            writer.lines(head + " {}")
            return
        }
        let implicitReturn: SwiftExpression? = if body.count == 1, case .return(let value?) = body[0] { value } else { nil }
        if body.count == 1, !head.isMultiline {
            let text = implicitReturn.map { render($0, writer, column: 0) } ?? singleLine(body[0], writer)
            if let text, !text.isMultiline, writer.column + head.count + text.count + 4 <= Self.lineWidth {
                writer.line(head + " { " + text + " }")
                return
            }
        }
        writer.lines(head + " {")
        if let implicitReturn {
            writer.indented { writer in writer.lines(render(implicitReturn, writer, column: 0)) }
        } else {
            writer.indented { render(body, into: &$0) }
        }
        writer.line("}")
    }

    private func render(_ parameter: SwiftFunction.Parameter) -> String {
        var text = parameter.label.flatMap { $0 == parameter.name ? nil : "\($0) " } ?? ""
        text += SwiftNaming.escaped(parameter.name) + ": " + (parameter.isInout ? "inout " : "") + render(parameter.type)
        if let value = parameter.defaultValue { text += " = " + ExpressionRenderer(column: 0, indent: 0).flat(value) }
        return text
    }

    private func render(_ doc: SwiftDocComment, into writer: inout SourceWriter) {
        let width = Self.lineWidth - writer.column - 4
        for (index, paragraph) in doc.paragraphs.enumerated() {
            if index > 0 { writer.line("///") }
            for line in DocCommentText.lines(of: paragraph, width: width) {
                writer.line(line.isEmpty ? "///" : "/// " + line)
            }
        }
    }

    // MARK: Statements

    private func render(_ statements: [SwiftStatement], into writer: inout SourceWriter) {
        for statement in statements { render(statement, into: &writer) }
    }

    private func render(_ statement: SwiftStatement, into writer: inout SourceWriter) {
        switch statement {
        case .let(let name, let type, let value), .var(let name, let type, let value):
            let keyword = if case .let = statement { "let" } else { "var" }
            var text = "\(keyword) \(SwiftNaming.escaped(name))"
            if let type { text += ": " + render(type) }
            if let value { text += " = " + render(value, writer, column: text.count + 3) }
            writer.lines(text)
        case .assign(let target, let value):
            let lhs = render(target, writer, column: 0) + " = "
            writer.lines(lhs + render(value, writer, column: lhs.count))
        case .expression(let expression):
            writer.lines(render(expression, writer, column: 0))
        case .return(let value):
            writer.lines(value.map { "return " + render($0, writer, column: 7) } ?? "return")
        case .throw(let value):
            writer.lines("throw " + render(value, writer, column: 6))
        case .guard(let conditions, let otherwise):
            let rendered = conditions.map { render($0, writer) }
            let head = "guard " + rendered.joined(separator: ", ") + " else"
            if otherwise.count == 1, case .return(let value) = otherwise[0] {
                let inline = head + " { " + (value.map { "return " + render($0, writer, column: 0) } ?? "return") + " }"
                if writer.column + inline.count <= Self.lineWidth {
                    writer.line(inline)
                    return
                }
            }
            if writer.column + head.count + 2 <= Self.lineWidth {
                writer.line(head + " {")
            } else {
                // Conditions that do not fit go one per line, `else` back at the statement's indentation.
                writer.line("guard")
                writer.indented { writer in
                    for (index, condition) in rendered.enumerated() { writer.line(condition + (index < rendered.count - 1 ? "," : "")) }
                }
                writer.line("else {")
            }
            writer.indented { render(otherwise, into: &$0) }
            writer.line("}")
        case .if(let conditions, let then):
            writer.line("if " + conditions.map { render($0, writer) }.joined(separator: ", ") + " {")
            writer.indented { render(then, into: &$0) }
            writer.line("}")
        case .switch(let subject, let cases):
            writer.line("switch \(render(subject, writer, column: 7)) {")
            for switchCase in cases {
                let head = switchCase.patterns.isEmpty ? "default:" : "case " + switchCase.patterns.map { render($0, writer, column: 0) }.joined(separator: ", ") + ":"
                // A case of one short statement reads best on its line: `case "SUCCESS": self = .success`.
                if switchCase.body.count == 1, let inline = singleLine(switchCase.body[0], writer), writer.column + head.count + 1 + inline.count <= Self.lineWidth {
                    writer.line(head + " " + inline)
                    continue
                }
                writer.line(head)
                writer.indented { writer in
                    if switchCase.body.isEmpty { writer.line("break") } else { render(switchCase.body, into: &writer) }
                }
            }
            writer.line("}")
        }
    }

    /// A statement that is one line: an assignment, an expression, a return or a throw.
    private func singleLine(_ statement: SwiftStatement, _ writer: SourceWriter) -> String? {
        var line = SourceWriter()
        switch statement {
        case .assign, .expression, .return, .throw: render(statement, into: &line)
        default: return nil
        }
        let text = String(line.text.dropLast())
        return text.isMultiline ? nil : text
    }

    private func render(_ condition: SwiftCondition, _ writer: SourceWriter) -> String {
        switch condition {
        case .optionalBinding(let name, let value) where value == .identifier(name): "let \(SwiftNaming.escaped(name))"
        case .optionalBinding(let name, let value): "let \(SwiftNaming.escaped(name)) = \(render(value, writer, column: 0))"
        }
    }

    // MARK: Expressions and types

    /// An expression that starts `column` columns after the writer's indentation.
    private func render(_ expression: SwiftExpression, _ writer: SourceWriter, column: Int) -> String {
        ExpressionRenderer(column: writer.column + column, indent: writer.column).render(expression)
    }

    func render(_ type: SwiftType) -> String {
        switch type {
        case .named(let name): name
        case .optional(let wrapped): render(wrapped) + "?"
        case .array(let element): "[" + render(element) + "]"
        case .dictionary(let key, let value): "[" + render(key) + ": " + render(value) + "]"
        }
    }

    private func prefix(_ access: AccessLevel?) -> String {
        access.map { "\($0.rawValue) " } ?? ""
    }
}

/// Accumulates indented lines.
struct SourceWriter {
    private(set) var text = ""
    private var depth = 0

    /// The column the current indentation ends at.
    var column: Int { depth * 4 }

    mutating func line(_ content: some StringProtocol) {
        for _ in 0..<depth { text += "    " }
        text += content
        text += "\n"
    }

    /// Text whose first line gets the current indentation; the lines after it carry their own.
    mutating func lines(_ content: String) {
        guard let newline = content.utf8.firstIndex(of: UInt8(ascii: "\n")) else {
            line(content)
            return
        }
        line(content[..<newline])
        text += content[content.utf8.index(after: newline)...]
        text += "\n"
    }

    mutating func blank() {
        if !text.hasSuffix("\n\n"), !text.isEmpty, !text.hasSuffix("{\n") { text += "\n" }
    }

    mutating func indented(_ body: (inout SourceWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }
}
