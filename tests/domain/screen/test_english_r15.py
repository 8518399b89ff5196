"""English, session 15 (issue 13, en9): an overdose reversed just now told by the one brought back, a dose planned
(not taken) named as a plan and answered as one, and two false pages (hair cut "myself", a storm feared at home
alone). Every case is a paraphrase written for this test, not a corpus message; rules alone (conftest.py turns the
layer off)."""

from __future__ import annotations

import pytest

from bot.domain.crisis_kind import crisis_kinds
from bot.domain.screen.assess import Level, assess
from bot.texts.crisis_answer import crisis_answer
from tests.domain.screen.screen_asserts import crisis, not_crisis, read_as

_TAKEN_LINE = "an overdose can get worse"


@pytest.mark.parametrize(
    "text",
    [
        "they had to hit me with narcan last night",
        "my roommate had to narcan me this morning",
        "woke up to paramedics in my living room today",
        "i got narcanned at my cousins place last night",
        "they brought me back last night, took 2 doses of narcan",
        "needed two narcans yesterday, still shaky",
        "the ems guys had to use narcan on me today",
    ],
)
def test_an_overdose_reversed_just_now_pages_as_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "my sister had to narcan me in the car",
        "woke up in the back of an ambulance, dont remember much",
    ],
)
def test_a_reversal_told_without_a_time_is_asked_about(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "did the narcan training at group today",
        "i carry narcan in my backpack now",
        "got narcanned years ago and it changed everything for me",
        "narcan brought me back 4 years ago, so grateful to be here",
        "we practiced how to use narcan on a dummy today",
        "my mom brought me back from the store last night",
        "they brought me back to the house after group today",
        "my brother had to narcan his girlfriend",
    ],
)
def test_narcan_carried_trained_on_long_ago_or_a_ride_back_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "going to take all my pills tonight",
        "im gonna swallow the whole bottle after work",
        "i wanna od tonight",
        "thinking about taking every pill i have",
        "tryna take enough to not wake up",
    ],
)
def test_a_dose_planned_is_a_plan_and_not_answered_as_taken(text: str) -> None:
    result = assess(text)
    assert result.level == Level.CRISIS, result.reasons
    assert "crisis:overdose_planned" in result.reasons and "crisis:overdose" not in result.reasons, (
        result.reasons
    )
    kinds = crisis_kinds(result.reasons)
    assert "overdose" not in kinds and "crisis" in kinds, kinds
    assert _TAKEN_LINE not in crisis_answer(kinds, "en", ["988"])


@pytest.mark.parametrize(
    "text",
    [
        "took all my pills an hour ago",
        "i want you to know i took all my pills",
        "i think i took too many pills",
        "i was going to wait but i already took all my pills",
    ],
)
def test_a_dose_taken_is_still_answered_as_an_overdose(text: str) -> None:
    result = assess(text)
    assert "crisis:overdose" in result.reasons, result.reasons
    kinds = crisis_kinds(result.reasons)
    assert kinds[0] == "overdose"
    assert _TAKEN_LINE in crisis_answer(kinds, "en", ["988"])


@pytest.mark.parametrize(
    "text",
    [
        "been cutting my hair myself since the salon closed",
        "did my bangs myself last night lol",
        "cut my hair by myself again, looks rough",
    ],
)
def test_a_haircut_done_myself_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["i cut myself again last night", "been cutting myself, my arms are a mess", "burned myself on purpose"],
)
def test_cutting_myself_still_pages(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "home alone tonight, kinda scared of the storm",
        "nobody home and im scared of the thunder lol",
        "house to myself tonight, terrified of this tornado warning",
        "alone tonight and scared of the dark honestly",
    ],
)
def test_a_fear_of_the_weather_alone_at_home_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "home alone tonight and scared of what i might do",
        "nobody home tonight, hes been texting threats and im scared",
    ],
)
def test_a_fear_for_my_life_alone_at_home_still_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "got my affairs in order today",
        "finally got all my affairs in order, feels peaceful",
        "i've tied up all the loose ends",
        "everything is squared away now",
        "planning my exit",
        "my exit strategy is set for friday",
        "been planning my exit for a while now",
        "won't be at group thursday or ever",
        "i wont be at group next week. or any week after that",
    ],
)
def test_preparation_said_outright_pages(text: str) -> None:
    crisis(text, "crisis:preparation")


@pytest.mark.parametrize(
    "text",
    [
        "getting my affairs in order for the move to denver",
        "getting my affairs in order before deployment",
        "got my affairs in order like the social worker suggested for folks my age",
        "my mom is getting her affairs in order, she's 84",
        "went to the lawyer with my dad to do his will",
        "tied up my loose ends at work before vacation",
        "planning my exit from this company, the manager is awful",
        "had my exit interview today at work",
        "i'm planning my exit from the program once i hit 90 days",
        "we're moving house this weekend, so much packing",
        "this is my last check-in, i start my new job monday so im leaving the program",
        "i will never drink again, not today or ever",
        "wont be at group thursday, my kid is sick",
    ],
)
def test_ordinary_affairs_exits_and_absences_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "deleted my accounts and cleaned the place so nobody has to deal with a mess after",
        "wrote a letter to each of my kids and put them in the drawer. they'll find them",
        "gave my bike and my games to my cousin. told him i was moving. im not moving",
        "got my dads old rifle back from my uncle, told him its for deer season. thats not why",
        "called everybody today to say i love them. i just wanted to tell them before",
    ],
)
def test_things_left_for_after_me_beside_a_farewell_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cleaned the kitchen so nobody has to deal with it in the morning",
        "hid the easter eggs where they'll find them",
        "never seen snow like this before",
        "my feet are dead after a 12 on the floor lol",
        "told my landlord i was moving. im not moving, i just wanted him to fix the heat",
    ],
)
def test_ordinary_cleaning_hiding_and_befores_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "can't stop cutting, it's every night now",
        "been cutting most days this week",
        "i've been cutting daily for two weeks",
        "the cutting is every night now",
        "burning my arm most nights, i cant stop",
    ],
)
def test_self_harm_as_a_habit_now_pages(text: str) -> None:
    crisis(text, "crisis:self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "cutting carbs every night lol",
        "been cutting class most days",
        "can't stop cutting coupons lol",
        "i cut onions every night for dinner",
        "burning sage every night to relax",
        "cutting back on drinking most days",
    ],
)
def test_other_cutting_every_night_pages_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "honestly hope the next shot kills me",
        "i hope this hit is my last",
        "maybe this bag does it",
        "praying the next bag is the one",
        "wouldnt mind if this shot was my last",
        "hope this bottle finishes me off",
    ],
)
def test_a_hope_that_this_use_kills_me_is_a_passive_wish(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "last drink ever, im done for good",
        "this is my last pack",
        "i hope this drink is my last, im quitting for real",
        "i hope this shot of espresso kills me lol",
        "hope the next hit gets me high",
        "maybe this bag does the trick for my back",
    ],
)
def test_a_last_one_for_sobriety_or_a_joke_is_no_wish(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "did a shot alone, if you don't hear from me call someone",
        "using alone in my car, if i go quiet send someone",
        "nobody here and i just shot up, if i dont answer call 911",
    ],
)
def test_a_use_alone_with_a_plea_is_an_overdose_risk(text: str) -> None:
    crisis(text, "crisis:overdose")


def test_a_use_alone_about_to_happen_is_a_plan() -> None:
    result = assess("about to use alone, if you dont hear from me by 10 call my sister")
    assert result.level == Level.CRISIS and "crisis:overdose_planned" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "i don't see the point of waking up tomorrow",
        "dont see the point in waking up anymore",
        "no point waking up honestly",
        "wouldnt be mad if the plane went down",
        "if i got hit by a truck i wouldnt even care",
        "i'm just waiting to die at this point",
        "im ready to go be with jesus",
        "ready to join my ancestors",
    ],
)
def test_a_passive_wish_said_indirectly_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "idk how much longer i can keep going like this",
        "not sure how much longer i can hold on",
    ],
)
def test_how_much_longer_without_death_is_a_check(text: str) -> None:
    read_as(text, Level.CHECK)


@pytest.mark.parametrize(
    "text",
    [
        "i dont see the point of waking up early on weekends",
        "not sure how much longer the meeting is",
        "i wouldnt care if he left honestly",
        "we're gonna go be with family for christmas",
        "i'm ready to be with the lord whenever he calls me home",
        "hope i make it through surgery ok",
    ],
)
def test_waking_early_a_meeting_and_a_visit_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i am ready to die today",
        "honestly im ready to die tonight",
        "i'm going to drink until i die",
        "gonna keep using till i die",
        "some days i think the guys who didnt come home got the better deal",
        "every time i pass a wreck on the highway i think lucky them, they're dead",
        "id trade places with anybody in a coffin right now",
        "honestly jealous of the ones who died over there",
        "picked up sleeping pills at two different pharmacies so nobody would ask",
    ],
)
def test_ready_to_die_using_until_i_die_envy_of_the_dead_and_pills_got_unnoticed_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'm ready to die on this hill",
        "ready to die of boredom in this meeting",
        "i'm ready to die laughing at this",
        "gonna party till i die lol",
        "lucky them, they got the last tickets",
        "i envy people who can sleep through the night",
        "trade places with me for a day lol",
        "bought my meds at a different pharmacy because of insurance",
    ],
)
def test_idioms_of_dying_envy_and_another_pharmacy_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ready to dip from this world",
        "about to neck myself",
        "gonna eat a bullet tonight",
        "gonna go out on my own terms",
        "thinking about using my sidearm on myself",
        "about to punch my own ticket",
        "thinking about checking out permanently",
        "gonna be one of the 22 soon",
        "should've died in the sandbox",
        "i should have died over there with my brothers",
    ],
)
def test_young_adults_and_veterans_ways_of_saying_it_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "cleaned my sidearm at the range today",
        "i dont want to be one of the 22",
        "we lose 22 a day, its a tragedy",
        "laughed so hard i should have died lol",
        "my buddy should have died in that crash but he lived",
        "took my meds and going under for surgery tomorrow",
    ],
)
def test_a_service_weapon_cleaned_a_statistic_and_a_near_miss_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    ["im nodding hard, did too much", "fent got me fading fr", "did way too much, lips going blue"],
)
def test_too_much_taken_with_a_sign_is_an_overdose_under_way(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "boy from my high school od'd last week, service is saturday",
        "my homeboy from the block OD'd last night, they said he gonna make it",
        "theres been like 5 overdoses in our county this month",
        "a lady threw a coupon at me at work lol",
    ],
)
def test_someone_elses_overdose_and_a_coupon_thrown_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've lived long enough",
        "i have lived long enough honestly",
        "I've outlived everyone I love, I'm ready",
        "gonna let the cold take me",
        "thinking i'll just lie down in the snow tonight",
        "I want to swim out until I can't come back",
        "gonna paddle out past the reef and not come back",
        "going to walk into the lake tonight",
    ],
)
def test_older_adults_and_the_cold_or_the_water_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "ive lived long enough to know better",
        "lived long enough to see my grandkids graduate",
        "gonna move to texas and not come back",
        "want to go to vegas and not come back lol",
        "i want to leave and never come back to this town",
        "gonna paddle out at sunrise",
        "nobody needs me at work tomorrow so im off",
    ],
)
def test_sayings_moves_and_a_morning_paddle_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "im scared hes gonna kill me when he gets home",
        "terrified he will kill me when he gets out next month",
        "so scared she's going to kill me when she finds me",
    ],
)
def test_a_killing_feared_for_when_he_arrives_is_abuse(text: str) -> None:
    crisis(text, "crisis:abuse")


@pytest.mark.parametrize(
    "text",
    [
        "when he gets home we are going to dinner",
        "scared my dad will kill me when he gets home, i dented the car",
        "i cut deep into the pumpkin for the kids",
    ],
)
def test_a_dinner_a_dented_car_and_a_pumpkin_page_nobody(text: str) -> None:
    not_crisis(text)


def test_i_cut_deep_pages_though_it_will_not_stop_bleeding() -> None:
    result = assess("i cut deep tonight and it wont stop bleeding")
    assert result.level == Level.CRISIS and "crisis:self_harm" in result.reasons, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "I took an over dose of my pills",
        "I over dosed last night",
        "I think I'm over dosing",
        "they had to give me narc can last night",
    ],
)
def test_voice_to_text_split_words_are_an_overdose(text: str) -> None:
    crisis(text, "crisis:overdose")


@pytest.mark.parametrize(
    "text",
    [
        "I want to be with my late wife",
        "I just want to go be with my late husband",
        "I've decided to stop taking my insulin so I can go",
        "stopped going to dialysis, im ready",
    ],
)
def test_a_late_spouse_joined_or_treatment_stopped_to_go_pages(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "we had an over dose drill at work training",
        "stopped taking my insulin because i cant afford it",
        "my doctor wants me to stop dialysis and try the new treatment",
        "i want to be with my kids tonight",
    ],
)
def test_a_drill_a_cost_a_doctors_plan_and_the_kids_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "took a months worth of my meds",
        "swallowed a months supply of my seroquel",
        "i drank a whole bottle of vodka and took my sleeping pills",
        "mixed my pain pills with a fifth tonight",
        "chewed up two of my fentanyl patches",
        "emptied my pill organizer into my hand and swallowed it",
    ],
)
def test_an_overdose_said_by_the_amount_the_mix_or_the_way_pages(text: str) -> None:
    crisis(text, "crisis:overdose")


def test_a_sedative_and_a_fifth_planned_is_a_plan() -> None:
    result = assess("gonna mix all my xans with a fifth tonight")
    assert "crisis:overdose_planned" in result.reasons and "crisis:overdose" not in result.reasons, (
        result.reasons
    )


@pytest.mark.parametrize(
    "text",
    [
        "had a beer and took my trazodone",
        "dont mix xanax and alcohol, its dangerous",
        "picked up a months supply of my meds today",
        "emptied the pill bottle into the trash",
        "chewing nicotine gum all day",
        "drank a whole bottle of wine at dinner and took my ambien, slept great",
    ],
)
def test_a_beer_advice_a_refill_and_a_disposal_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to be erased from existence",
        "wish i could be wiped from existence",
        "i want to erase my existence",
    ],
)
def test_to_be_erased_from_existence_is_a_passive_wish(text: str) -> None:
    crisis(text, "crisis:passive_wish")


@pytest.mark.parametrize(
    "text",
    [
        "i want my search history to be erased lol",
        "i wanted to erase myself from the group chat",
        "i want that memory to be erased",
    ],
)
def test_a_history_a_group_chat_and_a_memory_erased_page_nobody(text: str) -> None:
    not_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "i gave my rifle to my cousin, wont be needing it",
        "this will be the last time i check in",
        "im handing my stuff out this weekend, whoever wants it",
    ],
)
def test_a_gun_given_away_the_last_check_in_and_my_things_handed_out_page(text: str) -> None:
    crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "gave my old rifle to my nephew for his birthday",
        "that was the last time i check in before my vacation",
        "none of this is your fault, my therapist said",
    ],
)
def test_a_birthday_rifle_a_vacation_and_a_therapists_words_page_nobody(text: str) -> None:
    not_crisis(text)
