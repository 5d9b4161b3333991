"""A fake-API world where the lineage evaluation set's papers speak in their own words.

:func:`lineage_world` builds a :class:`~tests.fakes.s2.World` from list
entries (the seed lists and one real list), then gives the papers of
``tests/data/lineage_eval.csv`` what the real API serves for them: authors,
an abstract, a TLDR, and the citation edges child → parent with the child's
citation contexts and intents.  The words are written from public facts (the
papers' abstracts, model cards and READMEs), short and paraphrased except for
brief quotes of the papers' own statements; markers like ``[12]`` stand where
the paper cites.
"""

from __future__ import annotations

import hashlib
from typing import Any
from collections.abc import Iterable

from tests.fakes.s2 import World
from citegraph.lists.entry import Entry

__all__ = ["PAPERS", "CITATIONS", "lineage_world"]

# arXiv id -> (authors, abstract, tldr); the TLDR may be empty
PAPERS: dict[str, tuple[list[str], str, str]] = {
    # --- seeds: unified models
    "2405.09818": (["Chameleon Team"], "We present Chameleon, a family of early-fusion token-based mixed-modal models capable of understanding and generating images and text in any arbitrary sequence.", ""),
    "2407.06135": (["Ethan Chern", "Jiadi Su", "Yan Ma", "Pengfei Liu"], "We introduce Anole, an open, autoregressive, native large multimodal model for interleaved image-text generation. Anole enables image generation with a data-efficient fine-tuning strategy.", "Anole is an open model for interleaved image-text generation."),
    "2410.13848": (["Chengyue Wu", "Xiaokang Chen", "Zhiyu Wu", "Yiyang Ma", "Xingchao Liu", "Zizheng Pan", "Wen Liu", "Zhenda Xie", "Chong Ruan", "Ping Luo"], "We introduce Janus, an autoregressive framework that unifies multimodal understanding and generation by decoupling visual encoding into separate pathways.", ""),
    "2411.07975": (["Yiyang Ma", "Xingchao Liu", "Xiaokang Chen", "Wen Liu", "Chengyue Wu", "Zhiyu Wu", "Zizheng Pan", "Zhenda Xie", "Chong Ruan"], "We present JanusFlow, a powerful framework that unifies image understanding and generation in a single model, integrating autoregressive language models with rectified flow.", ""),
    "2501.17811": (["Xiaokang Chen", "Zhiyu Wu", "Xingchao Liu", "Zizheng Pan", "Wen Liu", "Zhenda Xie", "Xingkai Yu", "Chong Ruan"], "In this work, we introduce Janus-Pro, an advanced version of the previous work Janus. Janus-Pro incorporates an optimized training strategy, expanded training data, and scaling to larger model size.", ""),
    "2505.00703": (["Dongzhi Jiang", "Ziyu Guo", "Renrui Zhang", "Zhuofan Zong", "Hao Li", "Le Zhuo", "Shilin Yan", "Pheng-Ann Heng", "Hongsheng Li"], "We present T2I-R1, a novel reasoning-enhanced text-to-image generation model, powered by RL with a bi-level chain-of-thought reasoning process. By applying our reasoning strategies to the baseline model, Janus-Pro, we achieve superior performance.", ""),
    "2505.14683": (["Chaorui Deng", "Deyao Zhu", "Kunchang Li", "Chenhui Gou", "Feng Li", "Zeyu Wang", "Haoqi Fan"], "We introduce BAGEL, an open-source foundational model that natively supports multimodal understanding and generation, pretrained on trillions of tokens of interleaved data.", ""),
    "2509.18824": (["Yanzuo Lu", "Xin Xia", "Manlin Zhang", "Huafeng Kuang", "Jianbin Zheng", "Yuxi Ren", "Xuefeng Xiao"], "We present Hyper-Bagel, a unified acceleration framework that tackles multimodal understanding and generation with speculative decoding and multi-stage distillation.", "A unified acceleration framework for multimodal understanding and generation."),
    "2507.14119": (["Maksim Kuprashevich", "Grigorii Alekseenko", "Irina Tolstykh", "Georgii Fedorov", "Aleksandr Gordeev"], "We present an automated pipeline that mines high-fidelity image editing triplets. We also release Bagel-NHR-Edit, a fine-tuned Bagel model with state-of-the-art metrics.", ""),
    "2410.08261": (["Jinbin Bai", "Tian Ye", "Wei Chow", "Enxin Song", "Xiangtai Li", "Zhen Dong", "Lei Zhu", "Shuicheng Yan"], "We present Meissonic, which elevates non-autoregressive masked image modeling to a level comparable with diffusion models for high-resolution text-to-image synthesis.", ""),
    "2505.23606": (["Qingyu Shi", "Jinbin Bai", "Zhuoran Zhao", "Wenhao Chai", "Xiangtai Li", "Shuicheng Yan"], "We introduce Muddit, a unified discrete diffusion transformer that enables fast and parallel generation across text and image modalities, integrating strong visual priors from a pretrained text-to-image backbone.", ""),
    "2503.20314": (["Team Wan", "Ang Wang", "Baole Ai", "Bin Wen"], "This report presents Wan, a comprehensive and open suite of video foundation models built on the diffusion transformer paradigm.", ""),
    "2509.24979": (["Haotian Dong", "Wenjing Wang", "Chen Li", "Di Lin"], "We propose Wan-Alpha, a new framework that generates transparent videos by learning both RGB and alpha channels jointly.", ""),
    "2112.10752": (["Robin Rombach", "Andreas Blattmann", "Dominik Lorenz", "Patrick Esser", "Björn Ommer"], "By decomposing the image formation process into a sequential application of denoising autoencoders, diffusion models achieve state-of-the-art synthesis results. We train them in the latent space of powerful pretrained autoencoders.", ""),
    "2211.09800": (["Tim Brooks", "Aleksander Holynski", "Alexei A. Efros"], "We propose a method for editing images from human instructions. We combine the knowledge of two large pretrained models, a language model (GPT-3) and a text-to-image model (Stable Diffusion), to generate a large dataset of image editing examples, and train InstructPix2Pix on it.", ""),
    "2306.10012": (["Kai Zhang", "Lingbo Mo", "Wenhu Chen", "Huan Sun", "Yu Su"], "We introduce MagicBrush, the first large-scale, manually annotated dataset for instruction-guided real image editing. We fine-tune InstructPix2Pix on MagicBrush and show that the new model produces much better images.", ""),
    "2307.05222": (["Quan Sun", "Qiying Yu", "Yufeng Cui", "Fan Zhang", "Xiaosong Zhang", "Yueze Wang", "Jingjing Liu", "Tiejun Huang", "Xinlong Wang"], "We present Emu, a Transformer-based multimodal foundation model which can seamlessly generate images and texts in multimodal context.", ""),
    "2312.13286": (["Quan Sun", "Yufeng Cui", "Xiaosong Zhang", "Fan Zhang", "Qiying Yu", "Yueze Wang", "Jingjing Liu", "Tiejun Huang", "Xinlong Wang"], "We introduce Emu2, a generative multimodal model with 37 billion parameters, trained on large-scale multimodal sequences with a unified autoregressive objective.", ""),
    "2103.00020": (["Alec Radford", "Jong Wook Kim", "Chris Hallacy", "Aditya Ramesh", "Gabriel Goh"], "We demonstrate that the simple pre-training task of predicting which caption goes with which image is an efficient and scalable way to learn SOTA image representations from scratch.", ""),
    "2307.01952": (["Dustin Podell", "Zion English", "Kyle Lacey", "Andreas Blattmann", "Tim Dockhorn", "Jonas Müller", "Joe Penna", "Robin Rombach"], "We present SDXL, a latent diffusion model for text-to-image synthesis with a three times larger UNet backbone.", ""),
    "2402.13929": (["Shanchuan Lin", "Anran Wang", "Xiao Yang"], "We propose a diffusion distillation method that achieves new state-of-the-art in one-step/few-step 1024px text-to-image generation based on SDXL.", ""),
    "2401.14688": (["Xiaojun Wu", "Dixiang Zhang", "Ruyi Gan", "Junyu Lu", "Jiaxing Zhang", "Yan Song"], "We present Taiyi-Diffusion-XL, a new Chinese and English bilingual text-to-image model developed by extending the capabilities of CLIP and Stable-Diffusion-XL through bilingual continuous pre-training.", ""),
    "2309.04669": (["Yang Jin", "Kun Xu", "Liwei Chen", "Chao Liao", "Jianchao Tan", "Yadong Mu"], "We present LaVIT, a foundation model that represents vision and language in a unified form with a dynamic discrete visual tokenizer.", ""),
    "2402.03161": (["Yang Jin", "Zhicheng Sun", "Kun Xu", "Liwei Chen", "Hao Jiang", "Kun Gai", "Yadong Mu"], "We present Video-LaVIT, which decomposes videos into keyframes and temporal motions. The keyframe tokenizer reuses an existing image tokenizer (e.g. LaVIT) to process keyframes.", ""),
    "2310.00426": (["Junsong Chen", "Jincheng Yu", "Chongjian Ge", "Lewei Yao", "Enze Xie", "Ping Luo", "Zhenguo Li"], "We introduce PIXART-α, a Transformer-based T2I diffusion model whose image generation quality is competitive with state-of-the-art image generators.", ""),
    "2403.04692": (["Junsong Chen", "Chongjian Ge", "Enze Xie", "Yue Wu", "Lewei Yao", "Ping Luo", "Zhenguo Li"], "We introduce PixArt-Σ, a Diffusion Transformer model capable of directly generating images at 4K resolution. PixArt-Σ represents a significant advancement over its predecessor, PixArt-α.", ""),
    "2310.01218": (["Yuying Ge", "Sijie Zhao", "Ziyun Zeng", "Yixiao Ge", "Chen Li", "Xintao Wang", "Ying Shan"], "We introduce SEED, an elaborate image tokenizer that empowers LLMs with the ability to SEE and Draw at the same time. SEED-LLaMA is produced by large-scale pretraining and instruction tuning.", ""),
    "2404.14396": (["Yuying Ge", "Sijie Zhao", "Jinguo Zhu", "Yixiao Ge", "Kun Yi", "Lin Song", "Chen Li", "Ying Shan"], "We present SEED-X, a unified and versatile foundation model which can serve as various multimodal AI assistants for real-world applications, building on our previous work SEED-LLaMA.", ""),
    "2206.08916": (["Jiasen Lu", "Christopher Clark", "Rowan Zellers", "Roozbeh Mottaghi", "Aniruddha Kembhavi"], "We propose Unified-IO, a model that performs a large variety of AI tasks spanning classical computer vision tasks.", ""),
    "2312.17172": (["Jiasen Lu", "Christopher Clark", "Sangho Lee", "Zichen Zhang", "Derek Hoiem", "Aniruddha Kembhavi"], "We present Unified-IO 2, the first autoregressive multimodal model capable of understanding and generating image, text, audio, and action.", ""),
    "2404.02733": (["Haofan Wang", "Matteo Spinelli", "Qixun Wang", "Xu Bai", "Zekui Qin", "Anthony Chen"], "We introduce InstantStyle, a tuning-free framework for style-preserving text-to-image generation.", ""),
    "2407.00788": (["Haofan Wang", "Peng Xing", "Renyuan Huang", "Hao Ai", "Qixun Wang", "Xu Bai"], "We propose InstantStyle-Plus, an approach that prioritizes the integrity of the original content while seamlessly integrating the target style, leveraging the cutting-edge InstantStyle framework.", ""),
    "2408.02657": (["Dongyang Liu", "Shitian Zhao", "Le Zhuo", "Weifeng Lin", "Yu Qiao", "Hongsheng Li", "Peng Gao"], "We present Lumina-mGPT, a family of multimodal autoregressive models capable of various vision and language tasks.", ""),
    "2507.17801": (["Yi Xin", "Juncheng Yan", "Qi Qin", "Dongyang Liu", "Peng Gao"], "We present Lumina-mGPT 2.0, a stand-alone, decoder-only autoregressive model that revisits and revitalizes the autoregressive paradigm, trained entirely from scratch.", ""),
    "2503.21758": (["Qi Qin", "Le Zhuo", "Yi Xin", "Peng Gao"], "We introduce Lumina-Image 2.0, an advanced text-to-image generation framework built on a unified next-DiT architecture.", ""),
    "2408.05211": (["Chaoyou Fu", "Haojia Lin", "Zuwei Long", "Yunhang Shen", "Ran He", "Xing Sun"], "We introduce VITA, the first open-source MLLM adept at simultaneous processing of video, image, text and audio.", ""),
    "2501.01957": (["Chaoyou Fu", "Haojia Lin", "Xiong Wang", "Yunhang Shen", "Ran He", "Xing Sun"], "We introduce VITA-1.5, a multimodal LLM trained with a progressive strategy to integrate vision and speech.", ""),
    "2501.12327": (["Xianwei Zhuang", "Yuxin Xie", "Yufan Deng", "Liming Liang", "Yuexian Zou"], "We present VARGPT, a multimodal LLM that unifies visual understanding and generation within a single autoregressive framework.", ""),
    "2504.02949": (["Xianwei Zhuang", "Yuxin Xie", "Yufan Deng", "Dongchao Yang", "Liming Liang", "Yuexian Zou"], "We present VARGPT-v1.1, an advanced unified visual autoregressive model that builds upon our previous framework VARGPT.", ""),
    "2305.11846": (["Zineng Tang", "Ziyi Yang", "Chenguang Zhu", "Michael Zeng", "Mohit Bansal"], "We present Composable Diffusion (CoDi), a generative model capable of generating any combination of output modalities from any combination of input modalities.", ""),
    "2507.08396": (["Zhan Gao", "Zhanxin Gao", "Tianyi Ma"], "We propose CoDi, a subject-consistent and pose-diverse text-to-image generation framework.", ""),
    "2307.08041": (["Yuying Ge", "Yixiao Ge", "Ziyun Zeng", "Xintao Wang", "Ying Shan"], "We present SEED, an elaborate image tokenizer that empowers LLMs with the ability to see and draw.", ""),
    "2411.18810": (["Shuangqi Li", "Hieu Le", "Jingyi Xu", "Mathieu Salzmann"], "We show that the initial noise seeds of a text-to-image model affect compositional generation, and mine reliable seeds to improve it.", ""),
    "2403.14944": (["Seungdae Han", "Joohee Kim"], "We present CLIP-VQDiffusion, which uses a pretrained CLIP model to provide multimodal text-image representations for language-free training.", ""),
    "2408.01181": (["Qian Zhang", "Xiangzi Dai"], "We introduce VAR-CLIP, a text-to-image model that integrates visual autoregressive techniques with the capabilities of CLIP.", ""),
    "2204.08583": (["Katherine Crowson", "Stella Biderman"], "We present VQGAN-CLIP, which uses a multimodal encoder to guide image generations without any training.", ""),
    "2412.03069": (["Liao Qu", "Huichao Zhang", "Yiheng Liu"], "We present TokenFlow, a novel unified image tokenizer that bridges multimodal understanding and generation.", ""),
    "2505.09568": (["Jiuhai Chen", "Zhiyang Xu", "Xichen Pan", "Le Xue", "Caiming Xiong", "Ran Xu"], "We introduce BLIP3-o, a family of fully open unified models. Our unified model freezes the image-understanding backbone and trains a diffusion transformer to generate CLIP image features.", ""),
    "2503.17074": (["Vittorio Pippi", "Fabio Quattrini", "Silvia Cascianelli", "Rita Cucchiara"], "We propose Emuru, an autoregressive model for zero-shot styled text image generation.", ""),
    "2509.26641": (["Yuxin Song", "Wenkai Dong"], "We propose Query-Kontext, an economical ensemble unified multimodal model that bridges the VLM and the diffusion model.", ""),
    "2506.15742": (["Black Forest Labs", "Stephen Batifol"], "We present FLUX.1 Kontext, a generative flow matching model that unifies image generation and editing.", ""),
    "2403.16954": (["Jin Zhu", "Huimin Ma"], "We propose Isolated Diffusion, a training-free strategy to optimize multi-concept text-to-image generation.", ""),
    "2410.21276": (["OpenAI", "Aaron Hurst"], "GPT-4o is an autoregressive omni model that accepts any combination of text, audio, image and video.", ""),
    "2509.26346": (["Keming Wu", "Sicong Jiang"], "We introduce EditReward, a human-aligned reward model for instruction-guided image editing. It distils GPT-4o's evaluation capabilities into a smaller open-source model.", ""),
    # --- BradyFU/Awesome-Multimodal-Large-Language-Models
    "2308.12966": (["Jinze Bai", "Shuai Bai", "Shusheng Yang", "Shijie Wang", "Peng Wang", "Junyang Lin", "Jingren Zhou"], "We introduce the Qwen-VL series, a set of large-scale vision-language models designed to perceive and understand both texts and images.", ""),
    "2409.12191": (["Peng Wang", "Shuai Bai", "Sinan Tan", "Shijie Wang", "Jinze Bai", "Junyang Lin"], "We present the Qwen2-VL Series, an advanced upgrade of the previous Qwen-VL models that redefines the conventional predetermined-resolution approach.", ""),
    "2502.13923": (["Shuai Bai", "Keqin Chen", "Xuejing Liu", "Peng Wang", "Shijie Wang", "Junyang Lin"], "We introduce Qwen2.5-VL, the latest flagship model of Qwen vision-language series.", ""),
    "2511.21631": (["Shuai Bai", "Yuxuan Cai", "Keqin Chen", "Junyang Lin"], "We introduce Qwen3-VL, the most capable vision-language model in the Qwen series to date.", ""),
    "2304.10592": (["Deyao Zhu", "Jun Chen", "Xiaoqian Shen", "Xiang Li", "Mohamed Elhoseiny"], "We present MiniGPT-4, which aligns a frozen visual encoder with a frozen advanced LLM, Vicuna, using one projection layer.", ""),
    "2310.09478": (["Jun Chen", "Deyao Zhu", "Xiaoqian Shen", "Xiang Li", "Zechun Liu", "Mohamed Elhoseiny"], "We present MiniGPT-v2, a model that can be treated as a unified interface for better handling various vision-language tasks.", ""),
    "2304.14178": (["Qinghao Ye", "Haiyang Xu", "Guohai Xu", "Jiabo Ye", "Ming Yan", "Fei Huang", "Jingren Zhou"], "We introduce mPLUG-Owl, a novel training paradigm that equips LLMs with multi-modal abilities through modularized learning.", ""),
    "2311.04257": (["Qinghao Ye", "Haiyang Xu", "Jiabo Ye", "Ming Yan", "Anwen Hu", "Fei Huang", "Jingren Zhou"], "We introduce mPLUG-Owl2, a versatile multi-modal large language model that leverages modality collaboration.", ""),
    "2408.04840": (["Jiabo Ye", "Haiyang Xu", "Haowei Liu", "Anwen Hu", "Ming Yan", "Fei Huang", "Jingren Zhou"], "We introduce mPLUG-Owl3, a versatile multi-modal large language model for long image-sequence understanding.", ""),
    "2301.12597": (["Junnan Li", "Dongxu Li", "Silvio Savarese", "Steven Hoi"], "This paper proposes BLIP-2, a generic and efficient pre-training strategy that bootstraps vision-language pre-training from off-the-shelf frozen image encoders and frozen LLMs.", ""),
    "2305.06500": (["Wenliang Dai", "Junnan Li", "Dongxu Li", "Anthony Meng Huat Tiong", "Boyang Li", "Pascale Fung", "Steven Hoi"], "We conduct a systematic study on vision-language instruction tuning based on the pretrained BLIP-2 models.", ""),
    "2403.05525": (["Haoyu Lu", "Wen Liu", "Bo Zhang", "Bingxuan Wang", "Zhenda Xie", "Chong Ruan"], "We present DeepSeek-VL, an open-source vision-language model designed for real-world applications.", ""),
    "2412.10302": (["Zhiyu Wu", "Xiaokang Chen", "Zizheng Pan", "Xingchao Liu", "Wen Liu", "Chong Ruan"], "We present DeepSeek-VL2, an advanced series of large Mixture-of-Experts vision-language models that significantly improves upon its predecessor, DeepSeek-VL.", ""),
    "2409.18869": (["Xinlong Wang", "Xiaosong Zhang", "Zhengxiong Luo", "Quan Sun", "Yufeng Cui"], "We introduce Emu3, a new suite of state-of-the-art multimodal models trained solely with next-token prediction.", ""),
    "2510.26583": (["Emu3.5 Team", "Yufeng Cui", "Xinlong Wang"], "We introduce Emu3.5, a large-scale multimodal world model that natively predicts the next state across vision and language.", ""),
    "2504.10479": (["Jinguo Zhu", "Weiyun Wang", "Zhe Chen", "Wenhai Wang"], "We introduce InternVL3, a significant advancement in the InternVL series featuring a native multimodal pre-training paradigm.", ""),
    "2508.18265": (["Weiyun Wang", "Zhangwei Gao", "Lixin Gu", "Wenhai Wang"], "We introduce InternVL3.5, a new family of open-source multimodal models that significantly advances versatility, reasoning capability, and inference efficiency along the InternVL series.", ""),
    "2204.14198": (["Jean-Baptiste Alayrac", "Jeff Donahue", "Pauline Luc", "Antoine Miech"], "We introduce Flamingo, a family of Visual Language Models with the ability to rapidly adapt to novel tasks using only a handful of annotated examples.", ""),
    "2308.01390": (["Anas Awadalla", "Irena Gao", "Josh Gardner", "Jack Hessel", "Ludwig Schmidt"], "We introduce OpenFlamingo, a family of autoregressive vision-language models. OpenFlamingo is an effort to produce an open-source replication of DeepMind's Flamingo models.", ""),
    "2307.15189": (["Michael Moor", "Qian Huang", "Shirley Wu", "Michihiro Yasunaga", "Jure Leskovec"], "We propose Med-Flamingo, a multimodal few-shot learner adapted to the medical domain.", ""),
    # --- held out: written after the rules were frozen, never tuned on (lineage_eval.csv, split=held-out)
    "2309.15112": (["Pan Zhang", "Xiaoyi Dong", "Bin Wang", "Yuhang Cao", "Jiaqi Wang"], "We propose InternLM-XComposer, a vision-language large model that enables advanced image-text comprehension and composition.", ""),
    "2401.16420": (["Xiaoyi Dong", "Pan Zhang", "Yuhang Zang", "Yuhang Cao", "Bin Wang", "Jiaqi Wang"], "We introduce InternLM-XComposer2, a cutting-edge vision-language model excelling in free-form text-image composition and comprehension.", ""),
    "2407.03320": (["Pan Zhang", "Xiaoyi Dong", "Yuhang Zang", "Yuhang Cao", "Jiaqi Wang"], "We present InternLM-XComposer-2.5 (IXC-2.5), a versatile large-vision language model that supports long-contextual input and output.", ""),
    "2312.16886": (["Xiangxiang Chu", "Limeng Qiao", "Xinyang Lin", "Shuang Xu", "Yang Yang"], "We present MobileVLM, a competent multimodal vision language model targeted to run on mobile devices.", ""),
    "2402.03766": (["Xiangxiang Chu", "Limeng Qiao", "Xinyu Zhang", "Shuang Xu", "Fei Wei"], "We introduce MobileVLM V2, a family of significantly improved vision language models upon MobileVLM.", ""),
    "2303.16199": (["Renrui Zhang", "Jiaming Han", "Aojun Zhou", "Peng Gao", "Yu Qiao"], "We present LLaMA-Adapter, a lightweight adaption method to efficiently fine-tune LLaMA into an instruction-following model.", ""),
    "2304.15010": (["Peng Gao", "Jiaming Han", "Renrui Zhang", "Ziyi Lin", "Yu Qiao"], "We present LLaMA-Adapter V2, a parameter-efficient visual instruction model. We first augment LLaMA-Adapter by unlocking more learnable parameters.", ""),
    "2408.15998": (["Min Shi", "Fuxiao Liu", "Shihao Wang", "Guilin Liu", "Zhiding Yu"], "We explore the design space for MLLMs using a mixture of vision encoders and resolutions, and present the Eagle family of models.", ""),
    "2504.15271": (["Guo Chen", "Zhiqi Li", "Shihao Wang", "Guilin Liu", "Zhiding Yu"], "We introduce Eagle 2.5, a family of frontier vision-language models for long-context multimodal learning.", ""),
    "2312.07533": (["Ji Lin", "Hongxu Yin", "Wei Ping", "Yao Lu", "Song Han"], "We introduce VILA, a visual language model family, and study the design options of VLM pre-training.", ""),
    "2412.04468": (["Zhijian Liu", "Ligeng Zhu", "Baifeng Shi", "Yao Lu", "Song Han"], "We introduce NVILA, a family of open VLMs designed to optimize both efficiency and accuracy. Building on top of VILA, we improve its model architecture by scaling up the spatial and temporal resolutions.", ""),
    "2304.08485": (["Haotian Liu", "Chunyuan Li", "Qingyang Wu", "Yong Jae Lee"], "We present LLaVA: Large Language and Vision Assistant, an end-to-end trained large multimodal model that connects a vision encoder and an LLM.", ""),
    "2306.00890": (["Chunyuan Li", "Cliff Wong", "Sheng Zhang", "Haotian Liu", "Jianfeng Gao"], "We propose a cost-efficient approach for training a vision-language conversational assistant that can answer open-ended research questions of biomedical images.", ""),
    "2311.03079": (["Weihan Wang", "Qingsong Lv", "Wenmeng Yu", "Wenyi Hong", "Jie Tang"], "We introduce CogVLM, a powerful open-source visual language foundation model with a trainable visual expert module.", ""),
    "2312.08914": (["Wenyi Hong", "Weihan Wang", "Qingsong Lv", "Jiazheng Xu", "Jie Tang"], "We introduce CogAgent, an 18-billion-parameter visual language model specializing in GUI understanding and navigation.", ""),
    "2405.20797": (["Shiyin Lu", "Yang Li", "Qing-Guo Chen", "Zhao Xu", "Weihua Luo"], "We propose Ovis, a novel MLLM architecture designed to structurally align visual and textual embeddings.", ""),
    "2506.23044": (["Guo-Hua Wang", "Shanshan Zhao", "Xinjie Zhang", "Qing-Guo Chen", "Weihua Luo"], "We introduce Ovis-U1, a 3-billion-parameter unified model that integrates multimodal understanding, text-to-image generation, and image editing.", ""),
    "2311.00571": (["Wei-Ge Chen", "Irina Spiridonova", "Jianwei Yang", "Jianfeng Gao", "Chunyuan Li"], "We introduce LLaVA-Interactive, a research prototype for multimodal human-AI interaction that combines three multimodal skills of pre-built AI models without additional model training.", ""),
    "2407.15841": (["Mingze Xu", "Mingfei Gao", "Zhe Gan", "Hong-You Chen"], "We propose SlowFast-LLaVA, a training-free video large language model that captures detailed spatial semantics and long-range temporal context.", ""),
    "2311.10122": (["Bin Lin", "Yang Ye", "Bin Zhu", "Jiaxi Cui", "Li Yuan"], "We present Video-LLaVA, which learns from a mixed dataset of images and videos with a visual representation unified before projection.", ""),
}

# (child, parent, contexts of the child citing the parent, intents)
CITATIONS: list[tuple[str, str, list[str], list[str]]] = [
    ("2407.06135", "2405.09818", ["We build Anole from Meta AI's Chameleon [4], fine-tuning only the output head.", "Chameleon [4] does not release its image generation weights."], ["methodology"]),
    ("2411.07975", "2410.13848", ["Following Janus [57], we decouple the understanding encoder from the generation pathway."], ["methodology"]),
    ("2501.17811", "2410.13848", ["Janus-Pro follows the architecture of Janus [46]."], ["methodology"]),
    ("2505.00703", "2501.17811", ["We adopt Janus-Pro [6] as our base model and train it with BiCoT-GRPO."], ["methodology"]),
    ("2509.18824", "2505.14683", ["Our 6-NFE accelerated BAGEL [9] model achieves comparable quality."], ["methodology"]),
    ("2507.14119", "2505.14683", ["We fine-tune Bagel [8] on our mined triplets."], ["methodology"]),
    ("2505.23606", "2410.08261", ["The generator is initialized from Meissonic [2], a pretrained masked image model."], ["methodology"]),
    ("2509.24979", "2503.20314", ["We fine-tune Wan [41] with LoRA so that its VAE decodes RGB and alpha channels."], ["methodology"]),
    ("2211.09800", "2112.10752", ["We initialize the weights of our model with a pretrained Stable Diffusion [52] checkpoint."], ["methodology"]),
    ("2307.05222", "2112.10752", ["The visual decoder is initialized from Stable Diffusion [47]."], ["methodology"]),
    ("2306.10012", "2211.09800", ["We fine-tune InstructPix2Pix [3] on MagicBrush."], ["methodology"]),
    ("2312.13286", "2307.05222", ["Emu2 scales up the recipe of Emu [54] to 37B parameters."], ["background"]),
    ("2402.13929", "2307.01952", ["We distill SDXL [43] into a few-step generator."], ["methodology"]),
    ("2401.14688", "2307.01952", ["We continue pre-training Stable-Diffusion-XL [27] on bilingual image-text pairs."], ["methodology"]),
    ("2401.14688", "2103.00020", ["We extend the CLIP [30] text encoder with Chinese tokens and train it further."], ["methodology"]),
    ("2402.03161", "2309.04669", ["The keyframe tokenizer reuses the image tokenizer of LaVIT [23]."], ["methodology"]),
    ("2403.04692", "2310.00426", ["PixArt-Σ is trained from PixArt-α [5] with weak-to-strong training."], ["methodology"]),
    ("2404.14396", "2310.01218", ["We build on our previous work SEED-LLaMA [12]."], ["background"]),
    ("2312.17172", "2206.08916", ["Unified-IO [37] showed that a single model can handle many vision tasks."], ["background"]),
    ("2407.00788", "2404.02733", ["Our method leverages the InstantStyle [44] framework."], ["methodology"]),
    ("2507.17801", "2408.02657", ["Unlike Lumina-mGPT [25], which is initialized from Chameleon, our model is trained from scratch."], ["background"]),
    ("2501.01957", "2408.05211", ["VITA [9] was the first open-source omni model."], ["background"]),
    ("2504.02949", "2501.12327", ["VARGPT-v1.1 builds upon our previous framework VARGPT [60]."], ["methodology"]),
    # hard negatives: use, comparison, other works
    ("2403.14944", "2103.00020", ["We use a pretrained CLIP [32] as the frozen text encoder."], ["methodology"]),
    ("2408.01181", "2103.00020", ["The CLIP [29] text encoder provides the text embeddings."], ["methodology"]),
    ("2204.08583", "2103.00020", ["CLIP [25] guides the generation without any training."], ["methodology"]),
    ("2509.26346", "2410.21276", ["Images generated by GPT-4o [20] are scored by annotators."], ["background"]),
    ("2505.09568", "2501.17811", ["BLIP3-o outperforms Janus-Pro [7] on GenEval."], ["result"]),
    ("2505.09568", "2502.13923", ["We freeze Qwen2.5-VL [3] as the image-understanding backbone."], ["methodology"]),
    ("2507.08396", "2305.11846", ["CoDi [51] generates any modality from any other."], ["background"]),
    ("2411.18810", "2307.08041", ["SEED [12] tokenizes images for LLMs."], ["background"]),
    ("2509.26641", "2506.15742", ["We compare with FLUX.1 Kontext [5] on editing benchmarks."], ["result"]),
    ("2503.21758", "2408.02657", ["Lumina-mGPT [24] explored autoregressive generation."], ["background"]),
    ("2403.16954", "2307.01952", ["Our method is compatible with SD and SDXL [36] without training."], ["result"]),
    ("2308.01390", "2204.14198", ["OpenFlamingo replicates the architecture of Flamingo [1] with open components."], ["methodology"]),
    ("2307.15189", "2204.14198", ["Flamingo [1] introduced few-shot multimodal learning."], ["background"]),
    ("2412.03069", "2411.07975", ["JanusFlow [35] combines autoregression with rectified flow."], ["background"]),
    ("2503.17074", "2307.05222", ["Emu [49] is a multimodal foundation model."], ["background"]),
    # BradyFU list
    ("2409.12191", "2308.12966", ["Qwen2-VL inherits the architecture of Qwen-VL [4]."], ["methodology"]),
    ("2502.13923", "2409.12191", ["Compared to Qwen2-VL [58], Qwen2.5-VL uses window attention."], ["result"]),
    ("2511.21631", "2502.13923", ["Qwen3-VL builds upon Qwen2.5-VL [3]."], ["methodology"]),
    ("2310.09478", "2304.10592", ["MiniGPT-4 [63] showed that a projection layer aligns vision and language."], ["background"]),
    ("2311.04257", "2304.14178", ["mPLUG-Owl2 extends mPLUG-Owl [58] with modality collaboration."], ["methodology"]),
    ("2408.04840", "2311.04257", ["mPLUG-Owl2 [60] relies on a shared module."], ["background"]),
    ("2305.06500", "2301.12597", ["InstructBLIP is initialized from a pre-trained BLIP-2 [20] model."], ["methodology"]),
    ("2412.10302", "2403.05525", ["DeepSeek-VL [40] adopts a hybrid vision encoder."], ["background"]),
    ("2510.26583", "2409.18869", ["Emu3.5 is initialized from Emu3 [65] and continues pre-training on video data."], ["methodology"]),
    ("2508.18265", "2504.10479", ["InternVL3.5 follows the ViT-MLP-LLM paradigm of InternVL3 [88]."], ["methodology"]),
    # held out
    ("2401.16420", "2309.15112", ["Compared with InternLM-XComposer [92], we adopt a Partial LoRA design."], ["result"]),
    ("2407.03320", "2401.16420", ["IXC-2.5 inherits the architecture of InternLM-XComposer2 [14] and extends the resolution."], ["methodology"]),
    ("2402.03766", "2312.16886", ["MobileVLM [8] uses a lightweight downsample projector."], ["background"]),
    ("2304.15010", "2303.16199", ["LLaMA-Adapter [71] inserts zero-initialized attention into LLaMA."], ["methodology"]),
    ("2504.15271", "2408.15998", ["Eagle 2.5 is trained from the Eagle [44] vision encoders with a new data recipe."], ["methodology"]),
    ("2412.04468", "2312.07533", ["NVILA is built on top of VILA [36] and scales up its resolution."], ["methodology"]),
    ("2306.00890", "2304.08485", ["We initialize LLaVA-Med with the general-domain LLaVA [24] and continue training on biomedical data."], ["methodology"]),
    ("2312.08914", "2311.03079", ["CogAgent is built upon CogVLM [41] with an added high-resolution cross-module."], ["methodology"]),
    ("2506.23044", "2405.20797", ["Ovis-U1 inherits the visual embedding table of Ovis [31]."], ["methodology"]),
    ("2311.00571", "2304.08485", ["LLaVA-Interactive combines LLaVA [18] for visual chat, SEEM for segmentation and GLIGEN for editing."], ["background"]),
    ("2407.15841", "2304.08485", ["We apply our SlowFast design to LLaVA [27] without any additional training."], ["methodology"]),
    ("2311.10122", "2304.08485", ["LLaVA [30] aligns image features to the LLM with a projection layer."], ["background"]),
]


def lineage_world(entries: Iterable[Entry], *, seed: int = 7) -> World:
    """A :class:`World` of ``entries`` where :data:`PAPERS` speak and :data:`CITATIONS` cite with contexts."""
    world = World.from_entries(entries, seed=seed, refs_per_paper=6, nested_cap=40)
    pid_of = {arxiv: world.resolve(f"ARXIV:{arxiv}") for arxiv in {*PAPERS, *(a for c in CITATIONS for a in c[:2])}}
    for arxiv, (authors, abstract, tldr) in PAPERS.items():
        pid = pid_of.get(arxiv)
        if pid is None:
            continue
        rec: dict[str, Any] = world.papers[pid]
        rec["authors"] = [{"authorId": str(int(hashlib.sha1(a.encode()).hexdigest()[:8], 16)), "name": a} for a in authors]
        rec["abstract"] = abstract
        rec["tldr"] = {"model": "tldr@v2.0.0", "text": tldr} if tldr else None
    for child, parent, contexts, intents in CITATIONS:
        c, p = pid_of.get(child), pid_of.get(parent)
        if c is None or p is None:
            continue
        refs = world.references[c]
        refs[:] = [r for r in refs if r["paperId"] != p]
        # the parent early in the list, as papers cite their base model early
        refs.insert(0, {"paperId": p, "title": None, "isInfluential": "methodology" in intents,
                        "intents": list(intents), "contexts": list(contexts)})
    world._citations = None
    return world.finish()
