"""The client portal in a real browser: Playwright drives Debian's chromium.

Usage: portal_browser.py CARRYOVER_BINARY SCREENSHOT_FOLDER

For each way a client may come (desktop with JavaScript, desktop without
JavaScript, a 360 px phone, keyboard only), the therapist invites the client
with the CLI, the client opens the link, fills a thought record with two
emotions, sees the feedback and the token, and the CLI's status shows the
entry from the portal. axe-core checks every page for WCAG 2.1 AA
violations; a screenshot of every page is written to SCREENSHOT_FOLDER.

Prints one line per check and ends with 'N passed, N failed'; exits 1 when a
check failed, 3 when a package is missing (run 'make test-tools').
"""

import json
import os
import re
import subprocess
import sys
import tempfile

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
except ImportError as error:
    print(f"missing Python package ({error.name}); run 'make test-tools'")
    sys.exit(3)

CHROMIUM = os.environ.get("CARRYOVER_CHROMIUM", "/usr/bin/chromium")
# WCAG 2.1 A and AA rules (axe tags), plus axe's best practices.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}

BINARY, SHOTS = sys.argv[1], sys.argv[2]
os.makedirs(SHOTS, exist_ok=True)
passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def carryover(practice, *arguments):
    result = subprocess.run([BINARY, *arguments, "--practice", practice], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"carryover {' '.join(arguments)}: {result.stderr}")
    return result.stdout


def page_check(page, axe, mode, name, checker=None):
    """A screenshot and an axe run of the page as it is now.

    Without JavaScript axe cannot run in the page itself: `checker`, a page
    of a JavaScript-enabled context on the same origin, gets the same HTML.
    """
    page.screenshot(path=os.path.join(SHOTS, f"{mode}-{name}.png"), full_page=True)
    if mode.startswith("phone"):
        # A phone's screenfuls, at their real size, for a person to look at.
        height = page.evaluate("document.documentElement.scrollHeight")
        size = page.viewport_size
        for index, top in enumerate(range(0, min(height, 6 * size["height"]), size["height"])):
            clip = {"x": 0, "y": top, "width": size["width"], "height": min(size["height"], height - top)}
            page.screenshot(path=os.path.join(SHOTS, f"{mode}-{name}-screen{index + 1}.png"), full_page=True, clip=clip)
    target = page
    if checker is not None:
        checker.set_content(page.content(), wait_until="load")
        target = checker
    results = axe.run(target, options=AXE_OPTIONS)
    violations = results.response.get("violations", [])
    summary = "; ".join(f"{v['id']} ({len(v['nodes'])}): {v['help']}" for v in violations)
    check(f"{mode}: axe finds no violations on {name}", not violations, summary)


def fill_thought_record(page, keyboard_only):
    values = [
        ("situation", "Meeting at work"),
        ("emotions[1].name", "Anxious"), ("emotions[1].intensity", "80"),
        ("emotions[2].name", "Sad"), ("emotions[2].intensity", "60"),
        ("automatic_thought", "They think I am useless"), ("thought_belief", "90"),
        ("evidence_for[1]", "Nobody replied"), ("evidence_against[1]", "My boss thanked me"),
        ("balanced_thought", "They were busy, not ignoring me"), ("balanced_belief", "70"),
        ("thought_belief_after", "40"),
        ("emotions_after[1].name", "Anxious"), ("emotions_after[1].intensity", "40"),
        ("emotions_after[2].name", "Sad"), ("emotions_after[2].intensity", "30"),
    ]
    for name, value in values:
        field = page.locator(f'[name="{name}"]')
        if keyboard_only:
            field.focus()
            page.keyboard.type(value)
        else:
            field.fill(value)
    # A thinking trap, by its label as a screen reader names it.
    page.get_by_label("Mind reading").check()


def flow(browser, practice, port, mode, *, javascript=True, viewport=None, keyboard_only=False):
    context = browser.new_context(java_script_enabled=javascript, viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    axe = Axe()
    checker = None
    if not javascript:
        checker = browser.new_context().new_page()
        checker.goto(f"http://127.0.0.1:{port}/help")
    invite = json.loads(carryover(practice, "client", "invite", "c-017", "--json", "--base-url", f"http://127.0.0.1:{port}"))
    check(f"{mode}: the invite is a link to this portal", invite["url"].startswith(f"http://127.0.0.1:{port}/invite/"))

    page.goto(invite["url"])
    check(f"{mode}: the link opens the welcome page", page.get_by_role("heading", name="Welcome").is_visible())
    page_check(page, axe, mode, checker=checker, name="1-welcome")
    if keyboard_only:
        page.get_by_label("Keep me signed in on this device for 30 days").focus()
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.get_by_label("Keep me signed in on this device for 30 days").check()
        page.get_by_role("button", name="Open my homework").click()
    page.wait_for_url(f"http://127.0.0.1:{port}/")
    check(f"{mode}: signed in, today's homework is shown", page.get_by_role("heading", name="Today's homework").is_visible())
    page_check(page, axe, mode, checker=checker, name="2-today")

    page.get_by_role("link", name="Do “Thought record” now").click()
    check(f"{mode}: the thought record form is shown", page.get_by_role("heading", name="Thought record").is_visible())
    page_check(page, axe, mode, checker=checker, name="3-form")

    # Sending it half done shows every problem beside its field, nothing lost.
    page.locator('[name="situation"]').fill("Meeting at work")
    page.get_by_role("button", name="Save my answers").click()
    check(f"{mode}: problems are listed", page.get_by_role("heading", name=re.compile("Please check")).is_visible())
    check(f"{mode}: what was typed is kept", page.locator('[name="situation"]').input_value() == "Meeting at work")
    page_check(page, axe, mode, checker=checker, name="4-problems")

    page.locator('[name="situation"]').fill("")
    fill_thought_record(page, keyboard_only)
    with page.expect_navigation():
        if keyboard_only:
            page.get_by_role("button", name="Save my answers").focus()
            page.keyboard.press("Enter")
        else:
            page.get_by_role("button", name="Save my answers").click()
    body = page.locator("main").inner_text()
    check(f"{mode}: saved", "Saved" in body, body[:200])
    check(f"{mode}: the plugin's feedback is shown", "feelings eased by 35 points" in body, body[:300])
    check(f"{mode}: the token is shown", "token" in body.lower(), body[:300])
    page_check(page, axe, mode, checker=checker, name="5-feedback")

    if page.get_by_role("link", name="My safety plan").count():
        page.get_by_role("link", name="My safety plan").click()
        check(f"{mode}: the safety plan is one tap away", page.get_by_role("heading", name="My safety plan").is_visible())
        page_check(page, axe, mode, checker=checker, name="6-safety-plan")
    page.goto(f"http://127.0.0.1:{port}/help")
    page_check(page, axe, mode, checker=checker, name="7-help")

    if mode == "desktop":
        # A risk answer: the crisis message at once, the therapist's wording never.
        page.goto(f"http://127.0.0.1:{port}/")
        page.get_by_role("link", name="Do “PHQ-9” now").click()
        for item in range(1, 10):
            page.locator(f'[name="item{item}"][value="{1 if item == 9 else 0}"]').check()
        with page.expect_navigation():
            page.get_by_role("button", name="Save my answers").click()
        body = page.locator("main").inner_text()
        check(f"{mode}: a risk answer shows the crisis message", "Call 112 now" in body, body[:300])
        check(f"{mode}: the flag's wording stays with the therapist", "review before" not in body)
        page_check(page, axe, mode, checker=checker, name="7b-risk-answer")

    # The same link again: 410 with what to do.
    response = page.goto(invite["url"])
    check(f"{mode}: a used link answers 410", response.status == 410, str(response.status))
    page_check(page, axe, mode, checker=checker, name="8-used-link")
    context.close()


def main():
    folder = tempfile.mkdtemp(prefix="carryover-browser-")
    practice = os.path.join(folder, "practice")
    subprocess.run([BINARY, "init", practice], check=True, capture_output=True)
    carryover(practice, "client", "add", "c-017", "--name", "Client 17", "--time-zone", "Europe/Berlin")
    carryover(practice, "assign", "c-017", "org.carryover.thought-record", "--schedule", "daily at 20:00 for 3 weeks",
              "--rule", "5 of 7 days", "--reinforce", "token economy")
    plan = os.path.join(folder, "plan.json")
    with open(plan, "w") as handle:
        json.dump({"warning_signs": ["Not sleeping"], "coping_strategies": ["Walk the dog"],
                   "distractions": ["Call my sister"], "people_to_ask": [{"name": "Sam", "phone": "0123 456"}],
                   "professionals": [{"name": "Crisis line", "phone": "116 123"}],
                   "safe_environment": ["Pills kept by Sam"], "reasons_for_living": ["My kids"]}, handle)
    carryover(practice, "assign", "c-017", "org.carryover.safety-plan", "--schedule", "weekly on monday at 09:00")
    carryover(practice, "assign", "c-017", "org.carryover.phq9", "--schedule", "weekly on monday at 09:00")
    status = json.loads(carryover(practice, "status", "c-017", "--json"))
    plan_id = [a["id"] for a in status["assignments"] if a["homeworkType"] == "org.carryover.safety-plan"][0]
    carryover(practice, "log", plan_id, "--file", plan)

    server = subprocess.Popen([BINARY, "serve", "--port", "0", "--practice", practice,
                               "--crisis-message", "Call 112 now if you are in danger."],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r":(\d+)/", line)
        if not match:
            raise RuntimeError(f"serve did not start: {line} {server.stderr.read()}")
        port = int(match.group(1))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            flow(browser, practice, port, "desktop")
            flow(browser, practice, port, "no-js", javascript=False)
            flow(browser, practice, port, "phone-360", viewport={"width": 360, "height": 740})
            flow(browser, practice, port, "keyboard", keyboard_only=True)
            browser.close()
        status = json.loads(carryover(practice, "status", "c-017", "--json"))
        record = [a for a in status["assignments"] if a["homeworkType"] == "org.carryover.thought-record"][0]
        check("CLI status: the portal entries are counted", record["portalEntries"] == 4, str(record["portalEntries"]))
        check("CLI status: when the client last opened the portal", status.get("portalLastOpened") is not None)
        risks = [f for a in status["assignments"] for f in a["openFlags"] if f["level"] == "risk"]
        check("CLI status: the PHQ-9 risk flag is raised for the therapist", len(risks) == 1, str(risks))
        history = carryover(practice, "history", "c-017")
        # Four thought records and the PHQ-9.
        check("CLI history marks entries from the portal", history.count("[client via portal]") == 5, history)
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
