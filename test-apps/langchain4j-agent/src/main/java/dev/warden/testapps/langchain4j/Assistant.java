package dev.warden.testapps.langchain4j;

import dev.langchain4j.service.SystemMessage;

/** The assistant LangChain4j's {@code AiServices} implements: the model decides which tools to call. */
public interface Assistant {

    @SystemMessage("You are a support agent. Use the tools to read the knowledge base, query the CRM, check the ticket API and mail the team.")
    String chat(String userMessage);
}
