/// Renders one expression that starts at `column`, on a line indented to `indent`: on one line when it
/// fits and is simple, otherwise with one argument or element per line. Lines after the first carry
/// their full indentation.
struct ExpressionRenderer {
    /// The column the expression starts at.
    let column: Int
    /// The indentation of the line the expression starts on.
    let indent: Int

    private var width: Int { TextRenderer.lineWidth }

    func render(_ expression: SwiftExpression) -> String {
        switch expression {
        case .call(let callee, let arguments, let closure):
            return call(callee, arguments, closure)
        case .array(let elements):
            let inline = flat(expression)
            if elements.count <= 1 || !inline.isMultiline && column + inline.count <= width { return inline }
            let inner = at(indent + 4)
            let items = elements.map { inner.pad + inner.render($0) + "," }
            return "[\n" + items.joined(separator: "\n") + "\n" + pad + "]"
        case .rawString(let text):
            return Literals.isPrintableASCII(text, allowingNewlines: true) ? rawString(text) : Literals.string(text)
        case .switchValue(let subject, let cases):
            var lines = ["switch " + flat(subject) + " {"]
            for valueCase in cases {
                let head = pad + (valueCase.patterns.isEmpty ? "default:" : "case " + valueCase.patterns.map(flat).joined(separator: ", ") + ":")
                let value = ExpressionRenderer(column: head.count + 1, indent: indent).render(valueCase.value)
                if !value.isMultiline, head.count + 1 + value.count <= width {
                    lines.append(head + " " + value)
                } else {
                    lines.append(head)
                    lines.append(at(indent + 4).pad + at(indent + 4).render(valueCase.value))
                }
            }
            lines.append(pad + "}")
            return lines.joined(separator: "\n")
        case .try(let inner):
            return "try " + shifted(4).render(inner)
        case .await(let inner):
            return "await " + shifted(6).render(inner)
        case .inoutArgument(let inner):
            return "&" + shifted(1).render(inner)
        case .member(let base, let name):
            return render(base) + "." + name
        default:
            return flat(expression)
        }
    }

    /// The expression on one line (a multi-line string or a `switch` still takes several).
    func flat(_ expression: SwiftExpression) -> String {
        switch expression {
        case .identifier(let name):
            return name == "Self" || name == "self" || name == "_" ? name : SwiftNaming.escaped(name)
        case .member(let base, let name):
            return flat(base) + "." + name
        case .dotMember(let name):
            return "." + name
        case .call(let callee, let arguments, let closure):
            var text = flat(callee)
            if !arguments.isEmpty || closure == nil { text += "(" + arguments.map(flat).joined(separator: ", ") + ")" }
            if let closure { text += " " + flat(closure) }
            return text
        case .string(let value):
            return Literals.string(value)
        case .rawString(let text):
            return render(.rawString(text))
        case .integer(let value):
            return String(value)
        case .boolean(let value):
            return value ? "true" : "false"
        case .nil:
            return "nil"
        case .array(let elements):
            return "[" + elements.map(flat).joined(separator: ", ") + "]"
        case .emptyDictionary:
            return "[:]"
        case .try(let inner):
            return "try " + flat(inner)
        case .await(let inner):
            return "await " + flat(inner)
        case .binary(let lhs, let op, let rhs):
            return flat(lhs) + " \(op) " + flat(rhs)
        case .inoutArgument(let inner):
            return "&" + flat(inner)
        case .optionalChain(let inner):
            return flat(inner) + "?"
        case .keyPath(let property):
            return "\\." + property
        case .tuple(let elements):
            return "(" + elements.map(flat).joined(separator: ", ") + ")"
        case .pattern(let name, let bindings):
            var text = "." + name
            if !bindings.isEmpty { text += "(" + bindings.map { "let \(SwiftNaming.escaped($0))" }.joined(separator: ", ") + ")" }
            return text
        case .switchValue:
            return render(expression)
        case .closure(let closure):
            return flat(closure)
        }
    }

    private func flat(_ argument: SwiftExpression.Argument) -> String {
        (argument.label.map { "\($0): " } ?? "") + flat(argument.value)
    }

    private func flat(_ closure: SwiftClosure) -> String {
        opening(closure) + " " + flat(closure.value) + " }"
    }

    /// `{`, or `{ a, b in` for a closure that names its parameters.
    private func opening(_ closure: SwiftClosure) -> String {
        closure.parameters.isEmpty ? "{" : "{ " + closure.parameters.joined(separator: ", ") + " in"
    }

    /// A call on one line when it has at most three arguments and fits. Otherwise, in this order: the
    /// trailing closure's body on a line of its own; a method called on a value that fits, with the call
    /// on the next line (`value\n    .map(f)`); one argument per line.
    private func call(_ callee: SwiftExpression, _ arguments: [SwiftExpression.Argument], _ closure: SwiftClosure?) -> String {
        let inline = flat(.call(callee, arguments, trailingClosure: closure))
        if arguments.count <= 3, !inline.isMultiline, column + inline.count <= width { return inline }
        let inner = at(indent + 4)
        if let closure, arguments.count <= 3 {
            let head = flat(.call(callee, arguments)) + " " + opening(closure)
            if column + head.count + 1 <= width {
                return head + "\n" + inner.pad + inner.render(closure.value) + "\n" + pad + "}"
            }
        }
        if closure == nil, arguments.count <= 3, case .member(let base, let name) = callee {
            let receiver = flat(base)
            let tail = "." + name + "(" + arguments.map(flat).joined(separator: ", ") + ")"
            if column + receiver.count <= width, !receiver.isMultiline, inner.column + tail.count <= width {
                return receiver + "\n" + inner.pad + tail
            }
        }
        var text = render(callee)
        if !arguments.isEmpty {
            let lines = arguments.map { argument -> String in
                let label = argument.label.map { "\($0): " } ?? ""
                return inner.pad + label + ExpressionRenderer(column: inner.indent + label.count, indent: inner.indent).render(argument.value)
            }
            text += "(\n" + lines.joined(separator: ",\n") + "\n" + pad + ")"
        } else if closure == nil {
            text += "()"
        }
        if let closure {
            text += " " + opening(closure) + "\n" + inner.pad + inner.render(closure.value) + "\n" + pad + "}"
        }
        return text
    }

    /// `#"text"#` when the text is one line that fits, otherwise `#"""`, the text's lines indented one
    /// level deeper than the line, and the closing delimiter. The delimiter has one `#` more than any run
    /// in the text, so nothing in it can end the literal or start an interpolation; the text is printable
    /// ASCII (anything else is written as an escaped literal).
    private func rawString(_ text: String) -> String {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "#") ? run + 1 : 0
            longest = max(longest, run)
        }
        let hashes = String(repeating: "#", count: longest + 1)
        if !text.isMultiline, column + text.count + 2 * hashes.count + 2 <= width {
            return hashes + "\"" + text + "\"" + hashes
        }
        let inner = String(repeating: " ", count: indent + 4)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : inner + $0 }
        return hashes + "\"\"\"\n" + lines.joined(separator: "\n") + "\n" + inner + "\"\"\"" + hashes
    }

    private var pad: String { String(repeating: " ", count: indent) }

    private func at(_ indent: Int) -> ExpressionRenderer { ExpressionRenderer(column: indent, indent: indent) }

    private func shifted(_ columns: Int) -> ExpressionRenderer { ExpressionRenderer(column: column + columns, indent: indent) }
}
