"""English, session 16 (issue 13, en11): preparation said without a word of death (pills gathered in a hiding
place, a stash kept "for when", an attempt that failed or stopped at the last moment), a method counted, a passive
wish naming what nearly killed me, a burden ended for good, and a wish to die taken back as a joke that keeps a
door open. Every case is a paraphrase written for this test, not a corpus message; rules alone (conftest.py turns
the layer off)."""

from __future__ import annotations

import pytest

from bot.domain.screen.assess import Level, assess
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as


@pytest.mark.parametrize(
    "text",
    [
        "been putting my pills in a coffee can for weeks",
        "ive been hiding my sleeping pills in a sock for a month now",
        "dropping a couple of my meds in an old jar every night, its almost full",
        "been tucking my pain pills in a tin one at a time",
        "got a stash put away for when im ready",
        "i have some pills tucked away for when the time comes",
    ],
)
def test_pills_gathered_in_a_hiding_place_are_stockpiling(text: str) -> None:
    crisis(text, "crisis:stockpiling")


@pytest.mark.parametrize(
    "text",
    [
        "i keep my pills in a pill organizer so i dont forget them",
        "been putting change in a coffee can for weeks",
        "saving up for when the baby comes",
        "got some money put away for when the time comes to move",
    ],
)
def test_a_pill_organizer_or_savings_put_away_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "tried last night but the rope broke",
        "tried to this morning but the cord snapped, dont know what now",
        "i tried yesterday. the belt broke",
        "tried to do it last night and chickened out at the last second",
        "i tried earlier but couldnt go through with it",
        "had the pills in my hand tonight and couldn't go through with it",
    ],
)
def test_an_attempt_failed_or_stopped_told_as_just_now_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "tried to tow my truck out but the rope snapped",
        "we tried last night but the power went out",
        "tried to ask her out but chickened out",
        "was gonna go skydiving but chickened out at the last second",
        "couldnt go through with the interview, too nervous",
    ],
)
def test_a_tow_rope_a_date_or_a_jump_from_a_plane_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "keep looking at my dads pills and thinking how many it would take",
        "i sat there counting my meds wondering how many itd take",
        "staring at grandmas oxy bottle thinking how much it would take",
        "looked at the tylenol and wondered how many would it take",
    ],
)
def test_counting_what_the_pills_would_take_is_a_method_whoever_owns_them(text: str) -> None:
    crisis(text, "crisis:method")


@pytest.mark.parametrize(
    "text",
    [
        "wondering how much it would take to fix my car",
        "how many it would take to fill the pool",
        "i already know how to use the app",
    ],
)
def test_counting_for_a_car_or_a_pool_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i already know how im gonna do it",
        "ive figured out how i would do it",
        "already figured out how. wont be long now",
        "figured out how to do it. tonight",
    ],
)
def test_the_how_already_settled_pages(text: str) -> None:
    crisis(text)


def test_the_how_settled_said_bare_is_asked_about() -> None:
    assert assess("already figured out how").level == Level.CHECK


@pytest.mark.parametrize(
    "text",
    [
        "wish that IED had done its job",
        "sometimes i wish the wreck had finished me off",
        "i wish my overdose had done its job",
        "wish that bomb did its job back in the day",
        "kinda wish the car crash had finished the job ngl",
    ],
)
def test_a_wish_that_what_nearly_killed_me_had_finished_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "wish the dishwasher had done its job",
        "the bomb squad finished the job by noon",
        "wish the plumber had done his job",
    ],
)
def test_a_dishwasher_or_the_bomb_squad_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i aint tryna be here no more",
        "i dont wanna be here no more",
        "not trying to be here anymore honestly",
        "i don't want to be here no more",
    ],
)
def test_not_wanting_to_be_here_no_more_is_a_passive_wish(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "time i stopped being her problem for good",
        "gonna stop being everyones problem permanently",
        "about time i quit being my familys burden for good",
        "i can stop being their headache for good soon",
        "nobody will have to worry about me much longer",
        "yall wont have to worry abt me much longer",
        "her life would be easier if i just wasnt in it anymore",
    ],
)
def test_a_burden_ended_for_good_pages(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "i want to stop being a problem for my mom, gonna pay her back",
        "i need to stop being so hard on myself",
        "stopped being a headache for my teachers this year",
    ],
)
def test_a_burden_without_an_ending_is_at_most_asked_about(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "wanna die lol jk... unless",
        "i want to die lol jk... mostly",
        "i wanna kms haha jk... kinda",
        "lol i want to die jk... partly",
    ],
)
def test_a_wish_to_die_taken_back_with_the_door_left_open_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "this workout is killing me lol jk... mostly",
        "my character died 40 times to the same boss. i am going to quit. kidding. mostly",
        "i want to eat the whole cake lol jk... mostly",
    ],
)
def test_a_workout_or_a_game_joked_about_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "messed up bad saturday night",
        "i messed up real bad last night",
        "got on the sauce again",
        "been hitting the sauce all week",
        "was geekin all weekend",
        "sippin lean with the boys last night",
        "back on my bs again",
        "back on my bullshit, not proud of it",
        "did something i said i wouldnt last night",
        "did what i swore i wouldn't. yall know",
        "every payday i end up at the same spot copping",
        "smoked some tree after work",
    ],
)
def test_relapse_said_in_slang_or_a_euphemism_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "messed up bad at work today, forgot the order",
        "i messed up big time on my exam",
        "the sauce on the pasta was too salty",
        "geeking out over the new star wars trailer",
        "lean on me when you need to",
        "eating lean protein this week",
        "back on my feet again",
        "every payday i end up at the mall buying shoes",
        "planted a tree with my kids",
    ],
)
def test_a_mistake_a_sauce_lean_protein_or_a_tree_is_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "found my husbands leftover percocets from his knee surgery and took 2",
        "found some old vicodin from when i broke my arm and took em",
        "my wife had leftover norcos from the dentist, i took a couple",
        "found my moms old xanax in the cabinet and took one",
        "my buddy gave me some of his tramadol for my back. been taking them all week",
    ],
)
def test_leftover_or_someone_elses_opioids_taken_are_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "found some old photos and took em to my mom",
        "found my husbands leftover pizza and took 2 slices",
        "found some old tylenol and took 2 for my headache",
    ],
)
def test_leftover_pizza_photos_or_tylenol_are_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "my bf isnt waking up and his lips look blue",
        "my brother isn't waking up, his lips are purple",
        "my cuz went hard on the ice tonight and his heart stay racing like crazy, chest hurting",
        "my buddy did way too much meth, he says his chest is hurting",
        "my girl smoked a bunch of ice and her heart is pounding out of her chest",
        "my bf took a bunch of adderall and his heart is racing like crazy",
    ],
)
def test_an_overdose_beside_me_pages_as_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "my daughter isnt waking up for school again",
        "his lips look blue from the cold pool",
        "i used to do meth and my heart would race",
        "thinking about meth makes my heart race",
    ],
)
def test_a_sleepy_child_a_cold_pool_or_an_old_memory_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my husband took my phone and says im not leaving the house",
        "he took my phone away and said i cant go anywhere",
        "she hid my car keys and says i'm not going anywhere",
        "took my phone. says i can't leave",
    ],
)
def test_my_phone_or_keys_taken_and_told_i_may_not_leave_is_abuse(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "my mom says im not leaving the house till my room is clean",
        "my boss said im not going anywhere till the truck is loaded",
    ],
)
def test_a_chore_or_a_shift_kept_to_is_at_most_asked_about(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "got a scratch on my arm from the cat",
        "got some scratches on my arms from the rose bushes",
        "my legs are all scratched up from the thorns",
        "scratched my arm on the barbed wire fence",
        "keep a rope in the truck for hay bales",
        "theres a rope in my truck for the hay bales",
        "rope's in the truck for the cattle",
        "been taking all my meds on time",
        "i take my pills every morning with breakfast",
        "taking all my meds like im supposed to",
        "i take my meds every night before bed",
        "im killing myself laughing",
        "killed myself laughing at group today",
        "gonna kill my little sister she ate my leftovers",
        "im gonna kill my brother he took my charger again",
        "did yall hear about the overdose at the park downtown",
        "heard about an overdose at the gas station today",
        "watching its a wonderful life, george on the bridge gets me every year",
        "that bridge scene in the movie gets me every time",
        "last year around this time i told my sister i wanted to die. now im 11 months sober",
        "this time last year i wanted to die. today i got my 1 year chip",
    ],
)
def test_a_pet_scratch_a_hay_rope_meds_on_time_laughter_news_a_film_or_last_year_page_nobody(
    text: str,
) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i scratch my arms till they bleed",
        "got fresh scratches on my arm again, did it on purpose",
        "the rope is in the truck. put it there this morning",
        "im gonna take all my meds tonight",
        "i want to kill myself",
        "im gonna kill my brother, he hit my mom again",
        "i want to die this time",
    ],
)
def test_the_same_words_meant_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "dont worry im not gonna do anything stupid... yet",
        "im not gonna do anything stupid for now",
        "i wont do anything stupid tonight anyway. tomorrow well see",
        "not gonna hurt myself yet",
    ],
)
def test_a_denial_left_open_by_yet_or_we_will_see_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "im not gonna kill myself... yet",
        "i wont kill myself yet",
        "not gonna end it all for now",
        "i'm not going to kill myself tonight anyway. we'll see",
    ],
)
def test_a_denial_of_killing_myself_left_open_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "im not gonna do anything stupid",
        "dont worry i wont do anything stupid",
        "not dead yet lol",
        "i havent used yet today",
        "i havent finished my homework yet",
        "bye for now",
    ],
)
def test_a_denial_kept_whole_or_an_ordinary_yet_pages_nobody(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    ["wnat to die", "i wnat to die", "i wanna dei", "i want to kll myself", "kil myslf"],
)
def test_the_gravest_words_mistyped_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize("text", ["i want to dye my hair", "wnat to go to the store", "dei verbum at mass"])
def test_an_ordinary_typo_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i gave in last night",
        "caved again saturday",
        "i let myself down last night",
        "couldnt say no last night",
        "i wasnt strong enough this weekend",
        "had to start my count over",
        "i had a moment last night if you know what i mean",
        "had a rough night. u know what i mean",
        "every time i get paid i go get some",
        "been taking my suboxone and using on top",
        "got on the pipe again",
        "been taking my dads muscle relaxers",
        "my aunt barely used her hydrocodone, i been taking one here and there",
        "i been taking 2 instead of 1",
        "took three instead of two last night",
        "ran out of my script early again",
        "ran out of my pills a week early",
    ],
)
def test_relapse_said_as_giving_in_a_pattern_or_pills_misused_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "i gave in and let him borrow the car",
        "the roof caved in last winter",
        "i let myself down on the test",
        "couldnt say no to my boss about the overtime",
        "i wasnt strong enough to lift the couch",
        "had a moment at work where i felt proud",
        "had a bad night with the baby, she was teething",
        "lets go get some food after group",
        "been taking my suboxone like prescribed",
        "the pharmacy ran out of my pills early so i had to wait",
        "my doctor said i can take 2 instead of 1 if the pain is bad",
        "old habits came back like biting my nails",
    ],
)
def test_giving_in_to_a_friend_a_hard_night_or_a_doctors_dose_is_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "got drunk on saturday and called my ex",
        "got wasted on friday after work",
        "ive been getting high on my lunch break all week",
        "tweakin rn, been up two days",
        "got crossfaded at the party",
        "on a 3 day run now",
        "im on day 4 of a 4 day bender",
        "hit the pen a few times last night",
        "been hitting the pen all week",
        "been rippin my cousins cart every night",
        "we split an 8ball friday",
        "my sobriety date changed this weekend",
        "threw away my time on saturday",
        "went back to my old habits after the funeral",
        "had a little setback over the 4th, you know what i mean",
        "went back out over thanksgiving",
        "been having a couple tall boys every lunch break",
        "going through a handle every 2 days",
        "been taking more klonopin than prescribed",
        "took 3 of my subs at once instead of 1",
        "been chewing my subs with the leftover gabapentin",
    ],
)
def test_relapse_slang_a_run_of_days_a_date_changed_or_a_pattern_is_a_relapse(text: str) -> None:
    read_as(text, Level.RELAPSE)


@pytest.mark.parametrize(
    "text",
    [
        "going on a run after group to clear my head",
        "hitting the pen and paper journaling every day",
        "hit the pen hard on my essay last night",
        "split a pizza with my son on friday",
        "my sobriety date is in march",
        "the 3 day run of the play was great",
        "got on again after the bus broke down",
        "got geeked up for the game lol",
        "took the leftover pasta with my meds",
        "my mornings start with coffee and a walk",
    ],
)
def test_a_jog_a_pen_on_paper_a_play_or_a_bus_is_no_relapse(text: str) -> None:
    read_as(text, Level.NONE)


@pytest.mark.parametrize(
    "text",
    [
        "my boyfriend choked me again last night and said next time hell finish it",
        "he said hell finish it next time",
        "im scared to go home, he said he'll end me",
        "my ex texted that he's gonna finish it this time",
    ],
)
def test_someone_elses_finish_it_is_a_threat_to_me_not_my_own_end(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and "crisis:abuse" in result.reasons, result.reasons
    assert "crisis:end_it" not in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    ["im tired, i just want to finish it", "i want to end it all tonight"],
)
def test_my_own_end_it_still_pages_as_mine(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and "crisis:abuse" not in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    ["i want to dye", "i dont want to liev anymore", "wanna dye tonight", "i dont wnat to live"],
)
def test_more_grave_phrases_mistyped_still_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to dye my hair blue",
        "i wanna dye it pink for pride",
        "cleaning out the garage, found my old rope swing",
        "i bought a new rope for the tire swing",
    ],
)
def test_hair_dye_and_a_rope_swing_page_nobody(text: str) -> None:
    not_crisis(text)


def test_enough_bought_to_not_wake_up_is_a_plan() -> None:
    result = assess("i bought enough to not wake up")
    assert result.level == Level.CRISIS and "crisis:overdose_planned" in result.reasons, result.reasons
    assert "crisis:overdose" not in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "if he ever touches my kid im going to stab him",
        "if he touches my daughter i'll kill him",
        "if she ever touches my baby i'll kill her",
        "if someone touches my son i will hurt them",
    ],
)
def test_a_touch_named_only_as_a_condition_is_my_threat_not_abuse(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS and "crisis:abuse" not in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "if he touches my kid again im going to stab him",
        "if he touches my son again i swear",
        "my stepdad touches my little sister at night",
        "he said hed finish me off",
    ],
)
def test_a_touch_that_happened_or_a_threat_to_me_is_abuse(text: str) -> None:
    crisis(text, "crisis:abuse")


def test_my_stuff_touched_again_pages_nobody() -> None:
    not_crisis("if he touches my stuff again im done")


@pytest.mark.parametrize(
    "text",
    [
        "parked on the overpass, keep thinking about getting out of the car",
        "sitting by the tracks thinking about walking out there when the train comes",
        "on the roof of my building. thinking abt it",
        "on top of the parking garage, its quiet up here, thinking about it",
        "standing on the ledge thinking about it",
        "keep looking at my rifle in the closet and thinking about it",
        "up on the water tower. dont think im coming down the normal way",
    ],
)
def test_at_a_high_place_or_the_means_thinking_about_it_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "got a job offer downtown at the tower, still thinking about it",
        "parked at the mall, thinking about getting out of the car and going in",
        "parked on the bridge for the fireworks with the kids",
        "sitting by the lake with my family, so peaceful",
        "bought a new rifle for deer season, been thinking about it for months",
        "looking at a house by the river, thinking about it",
        "im at the roof party thinking about leaving",
        "the train comes at 6 so im leaving early",
    ],
)
def test_a_job_offer_the_mall_fireworks_or_a_house_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "my dad would finally have some peace if i was gone",
        "my wife would finally be free if i wasnt around",
        "my family would save so much money if i wasnt here anymore",
        "i'm just a drain on everyone",
    ],
)
def test_peace_freedom_or_money_for_them_if_i_were_gone_is_a_burden_that_pages(text: str) -> None:
    crisis(text, "crisis:burden")


@pytest.mark.parametrize(
    "text",
    [
        "everyone in my life is worse off because of me",
        "they'd be better off",
        "theyd be better off with a new coach",
    ],
)
def test_a_burden_alone_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "my mom would finally have some peace if i moved out",
        "gonna smoke him out at poker lol",
        "we gonna smoke with him later",
        "bouta go to sleep",
    ],
)
def test_moving_out_poker_or_a_smoke_together_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "thinking of going over there with a bat and breaking his skull",
        "im gonna smoke that dude next time i see him",
        "bouta go shoot up his house tonight",
        "swear im gonna bash his head in when he gets here",
    ],
)
def test_harm_to_others_said_in_slang_or_with_the_blow_named_pages(text: str) -> None:
    crisis(text, "crisis:harm_to_others")


@pytest.mark.parametrize(
    "text",
    [
        "took a few extra sleeping pills and i feel weird",
        "mixed pills and alcohol, feeling really dizzy",
        "took some extra xanax and now im really dizzy",
        "took a couple extra of my sleeping pills, feel off",
        "mixed my klonopin with beer and i feel strange",
    ],
)
def test_an_overdose_told_plainly_as_extra_pills_or_a_mix_and_feeling_wrong_pages(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "took an extra vitamin and feel great",
        "took an extra allergy pill, a little drowsy",
        "my doctor said to take an extra pill if the pain is bad, feeling dizzy",
        "mixed the cake batter with some rum, so good",
        "slept like the dead last night",
        "i had a dream i was falling off a cliff and woke up sweating",
        "i was so mad i could have strangled my brother but we talked it out",
        "i could have killed him lol",
    ],
)
def test_a_vitamin_a_recipe_deep_sleep_a_dream_or_anger_told_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize("text", ["i could have killed myself last night", "i want to kill my brother"])
def test_the_same_words_about_me_or_meant_still_page(text: str) -> None:
    crisis(text)
