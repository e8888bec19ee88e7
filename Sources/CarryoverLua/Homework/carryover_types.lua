---@meta carryover
-- Carryover homework DSL for lua-language-server. Written by `carryover plugin new`;
-- annotations only, never loaded by the engine.

---@class carryover.Field
---@field kind string
---@field name? string

---@class carryover.FieldOptions
---@field label? string Short label for forms and prompts
---@field help? string A hint shown under the prompt
---@field optional? boolean The field may be left out
---@field default? any The value of a param the therapist leaves out (params only)

---@class carryover.TextOptions: carryover.FieldOptions
---@field max? integer Most characters (Unicode scalars)

---@class carryover.NumberOptions: carryover.FieldOptions
---@field min? number
---@field max? number
---@field step? number Steps counted from min (or 0)
---@field integer? boolean Whole numbers only

---@class carryover.DurationOptions: carryover.FieldOptions
---@field min? number Minutes
---@field max? number Minutes
---@field step? number

---@class carryover.RatingOptions: carryover.FieldOptions
---@field min integer
---@field max integer
---@field anchors? table<integer, string> Labelled points, e.g. { [0] = "none", [10] = "worst" }

---@class carryover.ChoiceOptions: carryover.FieldOptions
---@field choices (string|{ [1]: string, [2]: string })[] Values, or { value, label } pairs

---@class carryover.MultiChoiceOptions: carryover.ChoiceOptions
---@field min? integer Fewest choices
---@field max? integer Most choices

---@class carryover.ListOptions: carryover.FieldOptions
---@field item carryover.Field The kind of each item, e.g. field.text { max = 200 }
---@field min? integer Fewest items
---@field max? integer Most items

---@class carryover.Problem
---@field field string The field's path, e.g. "steps[2].situation" ("" for the whole entry)
---@field message string

---@class carryover.Flag
---@field level "risk"|"attention"
---@field code string A stable code, e.g. "phq9-item9"
---@field message string For the therapist

---@class carryover.Homework
---@field id string Reverse-DNS, e.g. "org.clinic.worry-time"
---@field version string Semantic version, e.g. "1.0.0"
---@field title string
---@field instructions string What the client does, in the client's words
---@field fields carryover.Field[]
---@field params? carryover.Field[] What the therapist sets per assignment
---@field scores? (string|string[])[] The names `score` may return, each a name or { name, title }
---@field metadata? table Plain data, e.g. LOINC codes
---@field informant? { title: string, instructions: string, fields: carryover.Field[] } The form a supporter fills in about the client
---@field validate? fun(entry: table, params: table): carryover.Problem[]
---@field score? fun(entry: table, params: table): table<string, number>
---@field feedback? fun(entry: table, params: table, scores: table<string, number>): string?
---@field flags? fun(entry: table, params: table, scores: table<string, number>): carryover.Flag[]
---@field advance? fun(state: table?, entry: table, params: table): table
---@field summarize? fun(history: table[], params: table): table?
---@field migrate? fun(entry: table, from_version: string): table

---Declares the homework type; the plugin file returns its result.
---@param spec carryover.Homework
---@return table declaration
function homework(spec) end

field = {}
---@param name string
---@param options? carryover.TextOptions
---@return carryover.Field
function field.text(name, options) end
---@param name string
---@param options? carryover.NumberOptions
---@return carryover.Field
function field.number(name, options) end
---@param name string
---@param options? carryover.DurationOptions
---@return carryover.Field
function field.duration(name, options) end
---@param name string
---@param options carryover.RatingOptions
---@return carryover.Field
function field.rating(name, options) end
---@param name string
---@param options carryover.ChoiceOptions
---@return carryover.Field
function field.choice(name, options) end
---@param name string
---@param options carryover.MultiChoiceOptions
---@return carryover.Field
function field.multi_choice(name, options) end
---@param name string
---@param options carryover.ListOptions
---@return carryover.Field
function field.list(name, options) end
---A group of named fields, usually the item of a list: field.record { field.text("what") }
---@param fields carryover.Field[]
---@return carryover.Field
function field.record(fields) end
---@param name string
---@param options? carryover.FieldOptions
---@return carryover.Field
function field.boolean(name, options) end
---A date written YYYY-MM-DD.
---@param name string
---@param options? carryover.FieldOptions
---@return carryover.Field
function field.date(name, options) end
---A time of day written HH:MM (24-hour).
---@param name string
---@param options? carryover.FieldOptions
---@return carryover.Field
function field.time(name, options) end
---An emotion { name = "sad", intensity = 0-100 }.
---@param name string
---@param options? carryover.FieldOptions
---@return carryover.Field
function field.emotion(name, options) end

---The only time plugins see: injected by the engine, fixed in tests.
clock = {}
---@return integer seconds Seconds since 1970-01-01 UTC
function clock.now() end
---@return string date Today as YYYY-MM-DD (UTC)
function clock.today() end

---The homework type as tests see it; params defaults are filled in.
plugin = {}
---@return table declaration
function plugin.declaration() end
---@return carryover.Problem[]
function plugin.validate(entry, params) end
---@return table<string, number>
function plugin.score(entry, params) end
---@return string?
function plugin.feedback(entry, params) end
---@return carryover.Flag[]
function plugin.flags(entry, params) end
---@return table state
function plugin.advance(state, entry, params) end
---@return table?
function plugin.summarize(history, params) end
---@return table entry
function plugin.migrate(entry, from_version) end

---@param name string
---@param body fun()
function describe(name, body) end
---@param name string
---@param body fun()
function it(name, body) end
---@param body fun()
function before_each(body) end

---@class carryover.Assertions
---@field same fun(expected: any, actual: any, message?: string) Deep equality
---@field equal fun(expected: any, actual: any, message?: string) `==`
---@field near fun(expected: number, actual: number, tolerance: number, message?: string)
---@field truthy fun(value: any, message?: string)
---@field falsy fun(value: any, message?: string)
---@field error fun(fn: fun(), message?: string)

---@class carryover.Assert: carryover.Assertions
---@field are carryover.Assertions
---@field is carryover.Assertions
---@field has carryover.Assertions
---@field are_not carryover.Assertions
---@field is_not carryover.Assertions
---@field has_no carryover.Assertions
---@field is_true fun(value: any, message?: string)
---@field is_false fun(value: any, message?: string)
---@field is_nil fun(value: any, message?: string)
---@field has_error fun(fn: fun(), message?: string)
---@overload fun(value: any, message?: string): any
assert = {}
