import CarryoverLua

/// The texts `plugin new` fills in: a small daily practice log with one
/// rating, a note and a target minutes param, with score, feedback and tests.
enum ScaffoldTemplates {
    static func plugin(id: String, title: String) -> String {
        """
        -- \(title.replacingOccurrences(of: "\n", with: " ")): a homework type for Carryover.
        -- Reference: Docs/authoring. Try it: carryover plugin test . && carryover plugin fuzz .

        homework {
          id = \(LuaLiteral.quote(id)),
          version = "0.1.0",
          title = \(LuaLiteral.quote(title)),
          instructions = [[Once a day, practise for the time your therapist set, then rate
        how it went from 0 (not at all) to 10 (very well) and add a note if you like.]],
          fields = {
            field.duration("minutes", { min = 0, max = 240, step = 1, label = "Minutes practised" }),
            field.rating("how_well", { min = 0, max = 10, label = "How well it went (0-10)",
              anchors = { [0] = "not at all", [10] = "very well" } }),
            field.text("note", { max = 500, optional = true }),
          },
          params = {
            field.duration("target_minutes", { min = 1, max = 240, default = 20,
              label = "Minutes to practise each day" }),
          },
          scores = { "minutes", "how_well", "target_met" },

          -- target_met is 1 when the practice reached the target, else 0.
          score = function(entry, params)
            return {
              minutes = entry.minutes,
              how_well = entry.how_well,
              target_met = entry.minutes >= params.target_minutes and 1 or 0,
            }
          end,

          feedback = function(entry, params, scores)
            if scores.target_met == 1 then
              return string.format("You practised %d minutes. Well done.", entry.minutes)
            end
            return "Every minute of practice counts. Try again tomorrow."
          end,
        }

        """
    }

    /// A real entry and params: `plugin run --entry examples/entry.json` tries
    /// it, and `plugin fuzz` starts half its inputs from it.
    static let exampleEntry = """
        { "minutes": 25, "how_well": 7, "note": "Easier than yesterday" }

        """
    static let exampleParams = """
        { "target_minutes": 20 }

        """

    static func spec(title: String) -> String {
        """
        describe(\(LuaLiteral.quote(title)), function()
          it("meets the target at exactly the target minutes", function()
            -- default target 20 minutes: 20 >= 20
            local scores = plugin.score({ minutes = 20, how_well = 7 }, {})
            assert.are.same({ minutes = 20, how_well = 7, target_met = 1 }, scores)
          end)

          it("misses the target below it", function()
            -- target 30 set by the therapist: 25 < 30
            assert.are.equal(0, plugin.score({ minutes = 25, how_well = 4 }, { target_minutes = 30 }).target_met)
          end)

          it("praises a practice that met the target", function()
            assert.are.equal("You practised 20 minutes. Well done.",
              plugin.feedback({ minutes = 20, how_well = 7 }, {}))
          end)
        end)

        """
    }

    static func readme(id: String, title: String, name: String) -> String {
        """
        # \(title)

        A Carryover homework type (`\(id)`).

        - `\(name).lua`: the declaration and hooks.
        - `tests/\(name)_spec.lua`: its tests (busted style).
        - `examples/entry.json`, `examples/params.json`: a real entry and its params
          (the fuzzer starts from them).
        - `carryover.d.lua` and `.luarc.json`: editor support (lua-language-server).

        ```sh
        carryover plugin lint .
        carryover plugin test .
        carryover plugin fuzz . --runs 10000 --seed 42
        carryover plugin run . --entry examples/entry.json --params examples/params.json
        ```

        In a pack every file of this folder ships and is signed, hidden ones too;
        leave the editor files out when you copy it into the pack folder (Docs/packs.md).

        """
    }

    /// lua-language-server settings: Lua 5.4, the DSL definitions, and the
    /// standard libraries the sandbox leaves out switched off.
    static let luarc = """
        {
          "$schema": "https://raw.githubusercontent.com/LuaLS/vscode-lua/master/setting/schema.json",
          "runtime.version": "Lua 5.4",
          "runtime.builtin": {
            "io": "disable", "os": "disable", "package": "disable", "debug": "disable"
          },
          "workspace.library": ["\(LuaTypeDefinitions.fileName)"],
          "workspace.checkThirdParty": false
        }

        """
}
