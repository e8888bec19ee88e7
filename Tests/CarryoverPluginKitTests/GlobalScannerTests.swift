import CarryoverLua
import Testing

@testable import CarryoverPluginKit

@Suite struct GlobalScannerTests {
    private func uses(_ source: String) -> [String] {
        GlobalScanner.uses(in: LuaLexer.tokens(source)).map { use in
            "\(use.name)@\(use.line)\(use.isAssignment ? "=" : "")\(use.insideFunction ? " in fn" : "")"
        }
    }

    @Test func findsFreeNamesButNotLocalsFieldsOrKeys() {
        let source = """
            local helper = 1
            local function f(a, b)
              local c = a + b + helper + missing_one
              x_global = c
              return t.field, obj:method(), { key = 1, [k2] = 2 }
            end
            for i, v in ipairs(list) do print(i, v) end
            top = os.time()
            """
        #expect(
            uses(source) == [
                "missing_one@3 in fn", "x_global@4= in fn", "t@5 in fn", "obj@5 in fn",
                "k2@5 in fn", "ipairs@7", "list@7", "print@7", "top@8=", "os@8",
            ])
    }

    @Test func skipsCommentsStringsAndLongBrackets() {
        let source = """
            --[[ hidden_one ]] local s = [==[ hidden_two ]==] .. "hidden_three" -- hidden_four
            return s .. 'it''s' .. seen
            """
        #expect(uses(source) == ["seen@2"])
    }

    @Test func blocksEndTheirLocals() {
        let source = """
            if ready then local inner = 1 else local other = 2 end
            repeat local r = 1 until r
            while inner do end
            local function m(self) return other end
            function M:method() return self end
            goto done
            ::done::
            """
        // `r` in `until r` is the repeat block's local in Lua; the scan closes
        // the block at `until`, one of its documented approximations.
        #expect(
            uses(source) == ["ready@1", "r@2", "inner@3", "other@4 in fn", "M@5"])
    }

    @Test func functionsInsideTableConstructorsSeeAssignments() {
        let source = """
            homework { validate = function(entry) count = 1; return { field = entry } end }
            """
        #expect(uses(source) == ["homework@1", "count@1= in fn"])
    }

    @Test func lexerKeepsLinesAcrossLongStringsAndNumbers() {
        let tokens = LuaLexer.tokens("x = [[a\nb]]\ny = 0x1p4 + 1e-3 .. z")
        #expect(
            tokens.map(\.text) == ["x", "=", "[[a\nb]]", "y", "=", "0x1p4", "+", "1e-3", "..", "z"])
        #expect(tokens.map(\.line) == [1, 1, 1, 3, 3, 3, 3, 3, 3, 3])
    }
}
