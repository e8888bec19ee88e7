import CarryoverLua

/// A name the source reads or assigns that no `local` in scope declares.
struct GlobalUse: Sendable, Hashable {
    var name: String
    var line: Int
    /// `name = ...` (or `function name()`), rather than a read.
    var isAssignment: Bool
    /// Inside a function body, so it runs at call time, after the globals are sealed.
    var insideFunction: Bool
}

/// Finds free global names by a lexical scan with block scoping.
///
/// Running the code with a recording `_ENV` would miss every branch the run
/// does not take, so the scan reads the tokens instead. A name counts as a
/// global use unless it is declared `local` (or as a parameter or loop
/// variable) in an enclosing block, follows `.` or `:` (a field), or is a key
/// in a table constructor (`{ name = ... }`). Blocks open at `function`,
/// `do`, `then`, `else` and `repeat` and close at `end`, `elseif`, `else`
/// and `until`. Known approximations: `local x = x` treats the right-hand `x`
/// as the new local, and in `a, b = ...` only the last name counts as assigned.
struct GlobalScanner {
    private struct Scope {
        var names: Set<String> = []
        var isFunction = false
        /// The brackets open outside a function body, restored when it ends.
        var outerBrackets: [String] = []
    }

    private let tokens: [LuaToken]
    private var scopes = [Scope()]
    private var pending: [String] = []
    private var brackets: [String] = []
    private var uses: [GlobalUse] = []

    /// Every free global use in `tokens`, in source order.
    static func uses(in tokens: [LuaToken]) -> [GlobalUse] {
        var scanner = GlobalScanner(tokens: tokens)
        scanner.scan()
        return scanner.uses
    }

    private init(tokens: [LuaToken]) {
        self.tokens = tokens
    }

    private func token(_ index: Int) -> LuaToken? {
        tokens.indices.contains(index) ? tokens[index] : nil
    }

    private var functionDepth: Int { scopes.filter(\.isFunction).count }

    private mutating func scan() {
        var index = 0
        while index < tokens.count {
            index = step(at: index)
        }
    }

    /// Handles the token at `index`; returns the index of the next one to look at.
    private mutating func step(at index: Int) -> Int {
        let current = tokens[index]
        switch (current.kind, current.text) {
        case (.keyword, "local"):
            return declareLocals(from: index + 1)
        case (.keyword, "function"):
            return openFunction(at: index)
        case (.keyword, "for"):
            var next = index + 1
            while let name = token(next), name.kind == .name || name.isSymbol(",") {
                if name.kind == .name { pending.append(name.text) }
                next += 1
            }
            return next
        case (.keyword, "do"), (.keyword, "then"), (.keyword, "repeat"):
            open(isFunction: false)
        case (.keyword, "else"):
            close()
            open(isFunction: false)
        case (.keyword, "elseif"), (.keyword, "end"), (.keyword, "until"):
            close()
        case (.keyword, "goto"):
            return index + 2
        case (.symbol, "::"):
            return index + 3
        case (.symbol, "{"), (.symbol, "("), (.symbol, "["):
            brackets.append(current.text)
        case (.symbol, "}"), (.symbol, ")"), (.symbol, "]"):
            _ = brackets.popLast()
        case (.name, _):
            record(at: index)
        default:
            break
        }
        return index + 1
    }

    private mutating func open(isFunction: Bool) {
        scopes.append(Scope(names: Set(pending), isFunction: isFunction, outerBrackets: brackets))
        if isFunction { brackets = [] }
        pending = []
    }

    private mutating func close() {
        guard scopes.count > 1 else { return }
        let scope = scopes.removeLast()
        if scope.isFunction { brackets = scope.outerBrackets }
    }

    private func isDeclared(_ name: String) -> Bool {
        scopes.contains { $0.names.contains(name) }
    }

    /// `local a, b <const>` or `local function f`.
    private mutating func declareLocals(from index: Int) -> Int {
        if let next = token(index), next.isKeyword("function") {
            if let name = token(index + 1), name.kind == .name {
                scopes[scopes.count - 1].names.insert(name.text)
            }
            return openFunction(at: index)
        }
        var next = index
        while let name = token(next) {
            if name.kind == .name {
                scopes[scopes.count - 1].names.insert(name.text)
                next += 1
            } else if name.isSymbol(",") {
                next += 1
            } else if name.isSymbol("<"), token(next + 2)?.isSymbol(">") == true {
                next += 3  // an attribute: <const> or <close>
            } else {
                break
            }
        }
        return next
    }

    /// `function a.b:c(x, ...)` or `function(x)`: the name chain, then the parameters.
    private mutating func openFunction(at index: Int) -> Int {
        var next = index + 1
        var isMethod = false
        if let name = token(next), name.kind == .name {
            let assignsGlobal =
                !(token(next + 1)?.isSymbol(".") ?? false)
                && !(token(next + 1)?.isSymbol(":") ?? false)
            if !isDeclared(name.text) && token(index - 1)?.isKeyword("local") != true {
                uses.append(
                    GlobalUse(
                        name: name.text, line: name.line, isAssignment: assignsGlobal,
                        insideFunction: functionDepth > 0))
            }
            next += 1
            while let separator = token(next), separator.isSymbol(".") || separator.isSymbol(":") {
                isMethod = separator.isSymbol(":")
                next += 2
            }
        }
        if isMethod { pending.append("self") }
        if token(next)?.isSymbol("(") == true {
            next += 1
            while let parameter = token(next), !parameter.isSymbol(")") {
                if parameter.kind == .name { pending.append(parameter.text) }
                next += 1
            }
            next += 1
        }
        open(isFunction: true)
        return next
    }

    private mutating func record(at index: Int) {
        let name = tokens[index]
        if let previous = token(index - 1), previous.isSymbol(".") || previous.isSymbol(":") {
            return
        }
        let nextIsAssign = token(index + 1)?.isSymbol("=") == true
        if brackets.last == "{", nextIsAssign,
            let previous = token(index - 1),
            previous.isSymbol("{") || previous.isSymbol(",") || previous.isSymbol(";")
        {
            return  // a key in a table constructor
        }
        guard !isDeclared(name.text) else { return }
        uses.append(
            GlobalUse(
                name: name.text, line: name.line, isAssignment: nextIsAssign && brackets.isEmpty,
                insideFunction: functionDepth > 0))
    }
}
