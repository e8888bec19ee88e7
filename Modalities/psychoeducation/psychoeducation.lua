-- Psychoeducation with a comprehension check: the client reads a short text
-- (picked by the therapist with the `reading` param) and answers its check
-- questions; the attempt passes at the `pass_mark` (default 80%). Scoring,
-- the pass mark and the feedback that points back to the text come from the
-- DSL's `readings` support. Sources for both texts are in README.md.

local THOUGHT_RECORD = [[
## What a thought record is

A thought record is a short form you fill in when your mood changes. You
write down what happened, what you felt, and the thought that went through
your mind at that moment. Then you look at that thought more closely.

Thought records come from cognitive behavioural therapy (CBT). CBT starts
from a simple idea: how we feel is shaped not only by what happens, but also
by how we read what happens.

## Why it helps

Thoughts that come quickly and on their own are called automatic thoughts.
They often feel true even when they are not the whole story. Writing a
thought down slows it down, so you can check it instead of just believing it.

When you weigh the evidence for and against the thought, you often find a
more balanced way to see the situation. Many people then feel a little less
upset. It does not work every time, and that is fine: the aim is to practise
a skill, not to think only positive thoughts.

## How to fill it in

1. **Situation:** where you were, with whom, doing what.
2. **Emotions:** name each feeling and rate how strong it was, from 0 to 100.
3. **Automatic thought:** what went through your mind.
4. **Evidence:** facts that support the thought, and facts that do not.
5. **Balanced thought:** a thought that takes all the evidence into account.
6. **Rate again:** how strong the feelings are now.

Fill it in as soon after the moment as you can, while you still remember it.

## When it feels hard

At first it can be hard to find the thought behind a feeling. That is normal
and gets easier with practice. Bring your records to your next session, even
unfinished ones: your therapist can work through them with you.
]]

local SLEEP_HYGIENE = [[
## What sleep hygiene means

Sleep hygiene means the daily habits and the bedroom that make good sleep
more likely. Small changes can help many people sleep a little better. They
are not a cure for long-standing sleep problems; if you have slept badly for
months, tell your therapist or doctor, because there are treatments that
work well.

## A regular rhythm

Get up at about the same time every day, also on weekends. Your body clock
likes a steady rhythm, and a fixed time to get up helps it most. Daylight in
the morning helps to set the clock too.

## Caffeine, alcohol and nicotine

Caffeine (coffee, tea, cola, energy drinks) can keep you awake for many hours
after you have it. Try to have none in the afternoon and evening. Alcohol may
help you fall asleep, but it makes sleep lighter and more broken later in the
night. Nicotine is a stimulant too.

## Your bedroom

Keep the bedroom quiet, dark and cool enough to be comfortable. Use the bed
for sleep and sex, not for work or long screen time. Bright screens late in
the evening can make it harder to feel sleepy.

## When you cannot sleep

If you have been lying awake for what feels like about 20 minutes, get up and
do something quiet and calm in dim light, then go back to bed when you feel
sleepy. Try not to keep checking the clock.
]]

homework {
  id = "org.carryover.psychoeducation",
  version = "1.0.0",
  title = "Reading with check questions",
  instructions = [[Read the text below. Then answer the questions under it.
If some answers are not right yet, the feedback shows which part of the text
to read again, and you can try as often as you like.]],
  readings = {
    {
      id = "thought_record",
      title = "What a thought record is and why it helps",
      text = THOUGHT_RECORD,
      checks = {
        { name = "tr_when", question = "When do you fill in a thought record?", section = "what-a-thought-record-is",
          choices = { { "mood_changes", "When my mood changes" }, { "once_a_month", "Once a month, on a fixed day" },
            { "only_in_session", "Only together with my therapist" } },
          answer = "mood_changes" },
        { name = "tr_automatic", question = "What is an automatic thought?", section = "why-it-helps",
          choices = { { "always_true", "A thought that is always true" },
            { "comes_quickly", "A thought that comes quickly and on its own" },
            { "planned", "A thought you plan in advance" } },
          answer = "comes_quickly" },
        { name = "tr_aim", question = "What is the aim of a thought record?", section = "why-it-helps",
          choices = { { "positive_only", "To think only positive thoughts" },
            { "practise_checking", "To practise checking a thought against the evidence" },
            { "prove_wrong", "To prove that my feelings are wrong" } },
          answer = "practise_checking" },
        { name = "tr_evidence", question = "What goes in the evidence part?", section = "how-to-fill-it-in",
          choices = { { "both_sides", "Facts that support the thought and facts that do not" },
            { "for_only", "Only facts that support the thought" },
            { "feelings", "How strong my feelings were" } },
          answer = "both_sides" },
        { name = "tr_hard", question = "What can you do if finding the thought feels hard?", section = "when-it-feels-hard",
          choices = { { "stop", "Stop doing thought records" },
            { "bring_it", "Bring the record, even unfinished, to the next session" },
            { "make_up", "Make up a thought that sounds right" } },
          answer = "bring_it" },
      },
    },
    {
      id = "sleep_hygiene",
      title = "Sleep hygiene: habits that help you sleep",
      text = SLEEP_HYGIENE,
      checks = {
        { name = "sleep_rhythm", question = "What helps your body clock most?", section = "a-regular-rhythm",
          choices = { { "same_wake_time", "Getting up at about the same time every day" },
            { "sleep_in", "Sleeping in on weekends" }, { "late_nap", "A long nap in the evening" } },
          answer = "same_wake_time" },
        { name = "sleep_caffeine", question = "When is it best to have no caffeine?", section = "caffeine-alcohol-and-nicotine",
          choices = { { "morning", "In the morning" }, { "afternoon_evening", "In the afternoon and evening" },
            { "never_matters", "It does not matter when" } },
          answer = "afternoon_evening" },
        { name = "sleep_alcohol", question = "What does alcohol do to sleep later in the night?", section = "caffeine-alcohol-and-nicotine",
          choices = { { "deeper", "Makes it deeper" }, { "lighter", "Makes it lighter and more broken" },
            { "nothing", "Nothing at all" } },
          answer = "lighter" },
        { name = "sleep_bed", question = "What is the bed best used for?", section = "your-bedroom",
          choices = { { "work", "Work and emails" }, { "sleep", "Sleep (and sex)" }, { "screens", "Watching screens" } },
          answer = "sleep" },
        { name = "sleep_awake", question = "What can you do after lying awake for about 20 minutes?", section = "when-you-cannot-sleep",
          choices = { { "check_clock", "Keep checking the clock" },
            { "get_up", "Get up, do something calm in dim light, go back when sleepy" },
            { "phone", "Scroll on a bright phone in bed" } },
          answer = "get_up" },
      },
    },
  },
}
