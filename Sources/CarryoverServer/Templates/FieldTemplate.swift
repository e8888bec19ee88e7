/// The one template for a form control, by kind; lists and records include
/// it again for their rows and fields. See ``FieldView`` for why every name
/// it reads is non-optional.
enum FieldTemplate {
    static let field = #"""
        {{#isText}}<div class="field{{#hasError}} invalid{{/hasError}}">
        {{> label}}
        <input type="text" id="{{id}}" name="{{name}}" value="{{value}}"{{#hasMaxLength}} maxlength="{{maxLength}}"{{/hasMaxLength}}{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}{{#hasError}} aria-invalid="true"{{/hasError}}>
        </div>{{/isText}}
        {{#isTextArea}}<div class="field{{#hasError}} invalid{{/hasError}}">
        {{> label}}
        <textarea id="{{id}}" name="{{name}}" rows="3"{{#hasMaxLength}} maxlength="{{maxLength}}"{{/hasMaxLength}}{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}{{#hasError}} aria-invalid="true"{{/hasError}}>{{value}}</textarea>
        </div>{{/isTextArea}}
        {{#isNumber}}<div class="field{{#hasError}} invalid{{/hasError}}">
        {{> label}}
        <input type="number" class="number" id="{{id}}" name="{{name}}" value="{{value}}"{{#hasMin}} min="{{min}}"{{/hasMin}}{{#hasMax}} max="{{max}}"{{/hasMax}} step="{{step}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}{{#hasError}} aria-invalid="true"{{/hasError}}>
        </div>{{/isNumber}}
        {{#isDate}}<div class="field{{#hasError}} invalid{{/hasError}}">
        {{> label}}
        <input type="date" id="{{id}}" name="{{name}}" value="{{value}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}{{#hasError}} aria-invalid="true"{{/hasError}}>
        </div>{{/isDate}}
        {{#isTime}}<div class="field{{#hasError}} invalid{{/hasError}}">
        {{> label}}
        <input type="time" id="{{id}}" name="{{name}}" value="{{value}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}{{#hasError}} aria-invalid="true"{{/hasError}}>
        </div>{{/isTime}}
        {{#isRadios}}<fieldset class="field choices{{#hasError}} invalid{{/hasError}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
        {{> legend}}
        {{#options}}<div class="option"><input type="radio" id="{{id}}" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}><label for="{{id}}">{{label}}</label></div>
        {{/options}}</fieldset>{{/isRadios}}
        {{#isCheckboxes}}<fieldset class="field choices{{#hasError}} invalid{{/hasError}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
        {{> legend}}
        {{#options}}<div class="option"><input type="checkbox" id="{{id}}" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}><label for="{{id}}">{{label}}</label></div>
        {{/options}}</fieldset>{{/isCheckboxes}}
        {{#isGroup}}<fieldset class="group{{#hasError}} invalid{{/hasError}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
        {{> legend}}
        {{#children}}{{> field}}{{/children}}
        </fieldset>{{/isGroup}}
        {{#isList}}<fieldset class="list{{#hasError}} invalid{{/hasError}}"{{#hasDescribedBy}} aria-describedby="{{describedBy}}"{{/hasDescribedBy}}>
        {{> legend}}
        {{#rows}}{{> field}}{{/rows}}
        {{#canAddRow}}<button type="submit" class="secondary" name="_add" value="{{name}}">{{addRowLabel}}</button>{{/canAddRow}}
        </fieldset>{{/isList}}
        """#

    /// A control's label with its hint and error, tied to it by id.
    static let label = #"""
        <label for="{{id}}">{{label}}{{#hasUnit}} ({{unit}}){{/hasUnit}}{{#optional}} <span class="opt">(optional)</span>{{/optional}}</label>
        {{#hasHelp}}<p class="help" id="{{id}}-help">{{help}}</p>{{/hasHelp}}
        {{#hasError}}<p class="error" id="{{id}}-error"><span class="tag">Error:</span> {{error}}</p>{{/hasError}}
        """#

    /// A group's legend with its hint and error (the fieldset names them in aria-describedby).
    static let legend = #"""
        <legend>{{label}}{{#optional}} <span class="opt">(optional)</span>{{/optional}}</legend>
        {{#hasHelp}}<p class="help" id="{{id}}-help">{{help}}</p>{{/hasHelp}}
        {{#hasError}}<p class="error" id="{{id}}-error"><span class="tag">Error:</span> {{error}}</p>{{/hasError}}
        """#
}
